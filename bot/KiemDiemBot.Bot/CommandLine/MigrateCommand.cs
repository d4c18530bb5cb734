using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary>
/// <c>migrate</c>: applies the pending database migrations and installs or upgrades Hangfire's schema (the only
/// way PostgreSQL is migrated). Running it again changes nothing. A database that cannot be reached is told in one
/// line, as at start.
/// </summary>
public sealed class MigrateCommand(IDatabaseMigrator migrator, JobStorageSchema jobStorage, StorageOptions storage, TextWriter output) : ICliCommand
{
    public string Name => "migrate";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        await DatabaseStartupExtensions.EnsureDatabaseReachableAsync(storage, cancellationToken);
        var pending = await migrator.GetPendingMigrationsAsync(cancellationToken);
        await migrator.MigrateAsync(cancellationToken);
        await jobStorage.InstallAsync(cancellationToken);
        await output.WriteLineAsync($"Applied {pending.Count} migration(s); the database is up to date.");
        return 0;
    }
}
