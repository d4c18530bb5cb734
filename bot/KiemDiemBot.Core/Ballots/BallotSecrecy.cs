using System.Data.Common;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KiemDiemBot.Core.Ballots;

/// <summary>
/// What the storage does so that a closed ballot cannot be read back to who chose what (see <see cref="BallotService"/>
/// for the guarantee and its limits).
/// </summary>
internal static class BallotSecrecy
{
    /// <summary>
    /// In the closing transaction, on PostgreSQL: rewrites every voter and counter row of the ballot, so that every
    /// live row carries the closing transaction's xmin and none still carries the xmin of the cast that wrote it.
    /// The superseded versions are dead tuples until VACUUM. SQLite keeps no transaction id in its rows.
    /// </summary>
    public static async Task ScrubAsync(KiemDiemDbContext context, Guid ballotId, CancellationToken cancellationToken)
    {
        if (!context.Database.IsNpgsql())
        {
            return;
        }
        await context.BallotVoters.Where(v => v.BallotId == ballotId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.HasCast, v => v.HasCast), cancellationToken);
        await context.BallotCounters.Where(c => c.BallotId == ballotId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Votes, c => c.Votes), cancellationToken);
    }

    /// <summary>
    /// On SQLite, once the closing commit is written: checkpoints the write-ahead log into the database file and
    /// truncates it, so the page images of each cast it held are gone (the freed pages themselves are zeroed by
    /// <c>secure_delete</c>). A reader holding an old snapshot at that moment can keep part of the log until the next
    /// checkpoint (SQLite's own automatic one, or the next ballot's close).
    /// </summary>
    public static void AfterClose(KiemDiemDbContext db, UnitOfWork unitOfWork)
    {
        if (db.Database.IsSqlite())
        {
            unitOfWork.AfterCommit((context, cancellationToken) =>
                context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken));
        }
    }
}

/// <summary>
/// Turns SQLite's <c>secure_delete</c> on for every connection the bot opens: deleted and overwritten content is
/// zeroed in the file rather than left in free pages (a ballot's intermediate counter values, a dropped submit).
/// </summary>
internal sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    public static SqliteSecureDeleteInterceptor Instance { get; } = new();

    private const string Pragma = "PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
