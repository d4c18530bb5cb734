namespace KiemDiemBot.Core.Flows;

/// <summary>A member's flow state as read: the current step, the typed state as JSON and its version.</summary>
/// <param name="Key">Whose flow this is.</param>
/// <param name="Step">The step the member is on (for a completed flow, the step that completed it).</param>
/// <param name="Version">Bumped by every change; a card drawn from an older version is out of date.</param>
/// <param name="StateJson">The flow's state record, serialised by the flow.</param>
/// <param name="Status">Active, completed or cancelled.</param>
/// <param name="UpdatedAt">When the state last changed.</param>
public sealed record StoredFlowState(
    FlowStateKey Key,
    string Step,
    int Version,
    string StateJson,
    FlowStatus Status,
    DateTimeOffset UpdatedAt);
