namespace KiemDiemBot.Core.Flows;

/// <summary>
/// A new state for a member's flow, based on the version the caller read (0 when there was no state yet).
/// The commit fails with a concurrency error when someone else changed the state since.
/// </summary>
public sealed record FlowStateChange(FlowStateKey Key, int BasedOnVersion, string Step, string StateJson, FlowStatus Status);
