using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary><c>migrate</c>: applies the pending database migrations (the only way PostgreSQL is migrated).</summary>
public sealed class MigrateCommand(IDatabaseMigrator migrator, TextWriter output) : ICliCommand
{
    public string Name => "migrate";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var pending = await migrator.GetPendingMigrationsAsync(cancellationToken);
        await migrator.MigrateAsync(cancellationToken);
        await output.WriteLineAsync($"Applied {pending.Count} migration(s); the database is up to date.");
        return 0;
    }
}
