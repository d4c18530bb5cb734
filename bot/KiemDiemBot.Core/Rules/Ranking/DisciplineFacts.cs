namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>A discipline decided in the cycle's year.</summary>
/// <param name="Severity">How heavy.</param>
/// <param name="AlreadyCountedInEarlierRanking">The same violation already lowered an earlier year's ranking: one violation is counted once.</param>
public sealed record DisciplineFacts(DisciplineSeverity Severity, bool AlreadyCountedInEarlierRanking);
