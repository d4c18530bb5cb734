namespace KiemDiemBot.Core.Rules.Places;

/// <summary>Who chairs a meeting, and why (co-chairs, a deputy invited, nobody found).</summary>
public sealed record MeetingChairing(IReadOnlyList<Guid> ChairIds, RuleReason? Note);
