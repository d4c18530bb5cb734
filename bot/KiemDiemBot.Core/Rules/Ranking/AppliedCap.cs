namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>A hard cap that lowered a proposed level: the highest level it allows and why.</summary>
public sealed record AppliedCap(RankingLevel Ceiling, RuleReason Reason);
