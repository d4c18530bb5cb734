using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Flows;

/// <summary>
/// Flow states over <c>flow_states</c>. A change to a stored state updates the tracked row, and EF Core's
/// concurrency check on <see cref="FlowStateRecord.Version"/> refuses it if the row moved on. A new state is
/// inserted by an atomic <c>INSERT ... ON CONFLICT DO NOTHING</c> inside the commit, so two turns that both
/// start the same flow cannot both succeed: the loser gets the same concurrency error as for an update.
/// </summary>
internal sealed class FlowStateStore(KiemDiemDbContext db, UnitOfWork unitOfWork, TimeProvider clock) : IFlowStateStore
{
    // New states staged in this scope and not committed yet, so that reads in the same turn see them.
    private readonly Dictionary<FlowStateKey, StoredFlowState> pendingInserts = [];

    public async Task<StoredFlowState?> FindAsync(FlowStateKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (pendingInserts.TryGetValue(key, out var pending))
        {
            return pending;
        }
        var record = await db.FlowStates.SingleOrDefaultAsync(
            f => f.MemberId == key.MemberId && f.CycleId == key.CycleId && f.FlowName == key.FlowName, cancellationToken);
        return record is null ? null : ToModel(record);
    }

    public async Task<StoredFlowState?> FindActiveAsync(Guid memberId, CancellationToken cancellationToken)
    {
        // Loads (and tracks) the member's active rows; changes staged in this scope then decide among them.
        await db.FlowStates
            .Where(f => f.MemberId == memberId && f.Status == FlowStatus.Active)
            .LoadAsync(cancellationToken);
        var stored = db.FlowStates.Local
            .Where(f => f.MemberId == memberId && f.Status == FlowStatus.Active)
            .Select(f => (State: ToModel(f), Order: f.Id));
        var pending = pendingInserts.Values
            .Where(s => s.Key.MemberId == memberId && s.Status == FlowStatus.Active)
            .Select(s => (State: s, Order: long.MaxValue));
        return stored.Concat(pending)
            .OrderByDescending(c => c.State.UpdatedAt)
            .ThenByDescending(c => c.Order)
            .Select(c => c.State)
            .FirstOrDefault();
    }

    public StoredFlowState Stage(FlowStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfNegative(change.BasedOnVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Key.FlowName);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Step);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(change.Key.FlowName.Length, FlowStateKey.MaxNameLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(change.Step.Length, FlowStateKey.MaxNameLength);
        ArgumentNullException.ThrowIfNull(change.StateJson);

        var now = clock.GetUtcNow();
        if (pendingInserts.TryGetValue(change.Key, out var pending))
        {
            EnsureBasedOn(pending.Version, change);
            return pendingInserts[change.Key] = NewState(change, now);
        }
        var record = db.FlowStates.Local.SingleOrDefault(f =>
            f.MemberId == change.Key.MemberId && f.CycleId == change.Key.CycleId && f.FlowName == change.Key.FlowName);
        if (record is null)
        {
            if (change.BasedOnVersion != 0)
            {
                throw new InvalidOperationException(
                    $"The state of flow '{change.Key.FlowName}' must be read in this scope before it is changed.");
            }
            var created = NewState(change, now);
            pendingInserts[change.Key] = created;
            unitOfWork.Stage((context, cancellationToken) => InsertAsync(context, change.Key, cancellationToken));
            return created;
        }
        EnsureBasedOn(record.Version, change);
        record.Version = change.BasedOnVersion + 1;
        record.Step = change.Step;
        record.StateJson = change.StateJson;
        record.Status = change.Status;
        record.UpdatedAtMs = now.ToUnixTimeMilliseconds();
        return ToModel(record);
    }

    private async Task InsertAsync(KiemDiemDbContext context, FlowStateKey key, CancellationToken cancellationToken)
    {
        var state = pendingInserts[key];
        var updatedAtMs = state.UpdatedAt.ToUnixTimeMilliseconds();
        var status = (int)state.Status;
        var inserted = await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO flow_states (member_id, cycle_id, flow_name, step, version, state_json, status, updated_at_ms)
            VALUES ({key.MemberId}, {key.CycleId}, {key.FlowName}, {state.Step}, {state.Version}, {state.StateJson}, {status}, {updatedAtMs})
            ON CONFLICT (member_id, cycle_id, flow_name) DO NOTHING
            """,
            cancellationToken);
        pendingInserts.Remove(key);
        if (inserted == 0)
        {
            throw new ConcurrentChangeException(
                $"Another turn started flow '{key.FlowName}' for the same member first.");
        }
    }

    private static void EnsureBasedOn(int heldVersion, FlowStateChange change)
    {
        if (heldVersion != change.BasedOnVersion)
        {
            throw new ConcurrentChangeException(
                $"The change to flow '{change.Key.FlowName}' is based on version {change.BasedOnVersion}, but version {heldVersion} is current.");
        }
    }

    private static StoredFlowState NewState(FlowStateChange change, DateTimeOffset now) =>
        new(change.Key, change.Step, change.BasedOnVersion + 1, change.StateJson, change.Status, FromMs(now.ToUnixTimeMilliseconds()));

    private static StoredFlowState ToModel(FlowStateRecord record) =>
        new(new FlowStateKey(record.MemberId, record.CycleId, record.FlowName),
            record.Step, record.Version, record.StateJson, record.Status, FromMs(record.UpdatedAtMs));

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
