using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary>
/// Readies the database for a command that writes data: the embedded SQLite default migrates itself
/// (as at start-up); PostgreSQL must already be migrated with <c>migrate</c>.
/// </summary>
public static class CommandDatabase
{
    /// <summary>True when the command may go on; false after telling the user to run <c>migrate</c>.</summary>
    public static async Task<bool> EnsureReadyAsync(StorageOptions storage, IDatabaseMigrator migrator, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(migrator);
        ArgumentNullException.ThrowIfNull(output);
        if (storage.Provider == StorageProvider.Sqlite)
        {
            await migrator.MigrateAsync(cancellationToken);
            return true;
        }
        var pending = await migrator.GetPendingMigrationsAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return true;
        }
        await output.WriteLineAsync(RosterCommandTexts.DatabaseBehind(pending.Count));
        return false;
    }
}
