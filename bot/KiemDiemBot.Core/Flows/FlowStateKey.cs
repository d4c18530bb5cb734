namespace KiemDiemBot.Core.Flows;

/// <summary>
/// Whose flow state this is: one member's run of one flow, in one review cycle (<see cref="Guid.Empty"/> for a
/// flow that belongs to no cycle).
/// </summary>
public sealed record FlowStateKey(Guid MemberId, Guid CycleId, string FlowName)
{
    /// <summary>The longest flow (and step) name the table holds.</summary>
    public const int MaxNameLength = 64;
}
