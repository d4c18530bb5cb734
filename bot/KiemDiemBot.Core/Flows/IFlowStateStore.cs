namespace KiemDiemBot.Core.Flows;

/// <summary>
/// Members' flow states. Changes are staged, not saved: the turn commits them once through
/// <see cref="Storage.IUnitOfWork"/>, with everything else the turn did. When another turn changed the same
/// state in the meantime, that commit throws <see cref="Storage.ConcurrentChangeException"/>
/// and nothing of the turn is written; running the turn again sees the newer version.
/// </summary>
public interface IFlowStateStore
{
    /// <summary>The member's state of one flow, whatever its status; null when the member never started it.</summary>
    Task<StoredFlowState?> FindAsync(FlowStateKey key, CancellationToken cancellationToken);

    /// <summary>The member's active flow: of their active flows, the one changed last; null when none is active.</summary>
    Task<StoredFlowState?> FindActiveAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>
    /// Stages a new state, one version above <see cref="FlowStateChange.BasedOnVersion"/>, and answers it as it
    /// will be stored. A change to an existing state needs that state read in this scope first.
    /// </summary>
    /// <exception cref="Storage.ConcurrentChangeException">
    /// This scope already holds a newer version than the change is based on.
    /// </exception>
    StoredFlowState Stage(FlowStateChange change);
}
