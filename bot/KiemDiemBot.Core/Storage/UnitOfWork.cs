using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Storage;

/// <summary>
/// The commit lost a race: something it changed was changed by another unit of work since it was read (a
/// flow state's version, a turn finished elsewhere). Nothing was written; the whole unit of work may be run
/// again from the start and will see the newer state.
/// </summary>
public sealed class ConcurrentChangeException : Exception
{
    public ConcurrentChangeException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The one commit of a turn or a job: every change staged by Core services in this scope (flow state,
/// domain changes, audit entries, the outbox, the inbox row) is written in one transaction. Core services
/// stage changes and never save on their own.
/// </summary>
public interface IUnitOfWork
{
    /// <exception cref="ConcurrentChangeException">Another unit of work changed the same data first.</exception>
    Task CommitAsync(CancellationToken cancellationToken);
}

internal sealed class UnitOfWork(KiemDiemDbContext db) : IUnitOfWork
{
    private readonly List<Func<KiemDiemDbContext, CancellationToken, Task>> statements = [];
    private readonly List<Func<KiemDiemDbContext, CancellationToken, Task>> afterCommit = [];

    /// <summary>
    /// Adds a statement run inside the commit's transaction before the tracked changes are saved: for
    /// writes that must be atomic upserts (INSERT ... ON CONFLICT) rather than read-then-write.
    /// </summary>
    public void Stage(Func<KiemDiemDbContext, CancellationToken, Task> statement) => statements.Add(statement);

    /// <summary>
    /// Adds housekeeping run once the commit succeeded, outside any transaction (e.g. a SQLite WAL checkpoint after a
    /// ballot closes, which cannot run inside one). It does not run when the commit fails.
    /// </summary>
    public void AfterCommit(Func<KiemDiemDbContext, CancellationToken, Task> action) => afterCommit.Add(action);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await CommitTransactionAsync(cancellationToken);
        foreach (var action in afterCommit)
        {
            await action(db, cancellationToken);
        }
        afterCommit.Clear();
    }

    private async Task CommitTransactionAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A failed save abandons the whole transaction, so the savepoint EF Core would set around the save
        // (two more statements per commit) could never be rolled back to.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            foreach (var statement in statements)
            {
                await statement(db, cancellationToken);
            }
            statements.Clear();
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrentChangeException("Another unit of work changed the same data first; nothing was written.", exception);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception.InnerException))
        {
            // Two units of work created the same row at once (a member's review by the member and by proxy):
            // the loser runs again and finds the winner's row.
            throw new ConcurrentChangeException("Another unit of work created the same row first; nothing was written.", exception);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
