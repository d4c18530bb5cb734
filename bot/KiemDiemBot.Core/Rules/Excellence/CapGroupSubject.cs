namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>One ranked subject (member, organisation or collective) of a cap group and its level.</summary>
public sealed record CapGroupSubject(Guid SubjectId, RankingLevel Level);
