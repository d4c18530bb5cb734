namespace KiemDiemBot.Core.Storage;

/// <summary>
/// The one commit of a turn or a job: every change staged by Core services in this scope (flow state,
/// domain changes, audit entries, the outbox, the inbox row) is written in one transaction. Core services
/// stage changes and never save on their own.
/// </summary>
public interface IUnitOfWork
{
    Task CommitAsync(CancellationToken cancellationToken);
}

internal sealed class UnitOfWork(KiemDiemDbContext db) : IUnitOfWork
{
    private readonly List<Func<KiemDiemDbContext, CancellationToken, Task>> statements = [];

    /// <summary>
    /// Adds a statement run inside the commit's transaction before the tracked changes are saved: for
    /// writes that must be atomic upserts (INSERT ... ON CONFLICT) rather than read-then-write.
    /// </summary>
    public void Stage(Func<KiemDiemDbContext, CancellationToken, Task> statement) => statements.Add(statement);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
            await statement(db, cancellationToken);
        }
        statements.Clear();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
