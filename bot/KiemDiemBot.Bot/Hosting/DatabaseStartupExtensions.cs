using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;
using Npgsql;

namespace KiemDiemBot.Bot.Hosting;

public static class DatabaseStartupExtensions
{
    /// <summary>
    /// The embedded SQLite default migrates itself. PostgreSQL is never migrated at start-up: a database
    /// behind the code, or without Hangfire's schema, stops the start and names the command that fixes it.
    /// </summary>
    /// <exception cref="StartupRefusedException">PostgreSQL lacks a migration or Hangfire's schema.</exception>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        try
        {
            await CheckDatabaseAsync(app);
        }
        catch (NpgsqlException unreachable)
        {
            throw Unusable(unreachable);
        }
    }

    /// <summary>
    /// Opens one plain connection to PostgreSQL, so that a database that is down or refuses the login is told in one
    /// line before EF Core logs its own error with a stack trace. Nothing to check for SQLite.
    /// </summary>
    /// <exception cref="StartupRefusedException">PostgreSQL cannot be reached or refuses the connection.</exception>
    public static async Task EnsureDatabaseReachableAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        if (storage.Provider != StorageProvider.PostgreSQL)
        {
            return;
        }
        try
        {
            await using var connection = new NpgsqlConnection(storage.ResolveConnectionString());
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException unreachable)
        {
            throw Unusable(unreachable);
        }
    }

    private static StartupRefusedException Unusable(NpgsqlException failure) => new(
        $"The PostgreSQL database of ConnectionStrings:KiemDiem cannot be used: {Describe(failure)}. Check that PostgreSQL runs, that the connection string names its host, port, database and role, and that the role's password is right.");

    // PostgreSQL's own words (SQLSTATE and text, which name a role or a database, never a password) or the network's.
    private static string Describe(NpgsqlException failure) => failure switch
    {
        PostgresException postgres => $"{postgres.SqlState} {postgres.MessageText}",
        { InnerException: { } inner } => inner.Message.TrimEnd('.'),
        _ => failure.Message.TrimEnd('.'),
    };

    private static async Task CheckDatabaseAsync(WebApplication app)
    {
        var storage = app.Services.GetRequiredService<StorageOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>();
        if (storage.Provider == StorageProvider.Sqlite)
        {
            await migrator.MigrateAsync(app.Lifetime.ApplicationStopping);
            return;
        }
        await EnsureDatabaseReachableAsync(storage, app.Lifetime.ApplicationStopping);
        const string Fix = "Run 'dotnet run --project bot/KiemDiemBot.Bot -- migrate' first.";
        var pending = await migrator.GetPendingMigrationsAsync(app.Lifetime.ApplicationStopping);
        if (pending.Count > 0)
        {
            throw new StartupRefusedException($"The PostgreSQL database lacks {pending.Count} migration(s). {Fix}");
        }
        if (!await app.Services.GetRequiredService<JobStorageSchema>().IsCurrentAsync(app.Lifetime.ApplicationStopping))
        {
            throw new StartupRefusedException($"The PostgreSQL database lacks Hangfire's job tables (schema '{JobStorageSchema.SchemaName}') at version {JobStorageSchema.RequiredVersion}. {Fix}");
        }
    }
}
