namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>The level the self-review's grades point to, shown to the member with the reason.</summary>
public sealed record LevelSuggestion(RankingLevel Level, RuleReason Reason);
