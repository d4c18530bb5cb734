using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Bot.Hosting;

public static class DatabaseStartupExtensions
{
    /// <summary>
    /// The embedded SQLite default migrates itself. PostgreSQL is never migrated at start-up: a
    /// database behind the code stops the start and names the command that fixes it.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<StorageOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>();
        if (storage.Provider == StorageProvider.Sqlite)
        {
            await migrator.MigrateAsync(app.Lifetime.ApplicationStopping);
            return;
        }
        var pending = await migrator.GetPendingMigrationsAsync(app.Lifetime.ApplicationStopping);
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database lacks {pending.Count} migration(s). Run 'dotnet run --project bot/KiemDiemBot.Bot -- migrate' first.");
        }
    }
}
