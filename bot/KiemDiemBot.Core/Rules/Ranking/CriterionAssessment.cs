namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>The grade a member gave themselves on one criterion of the self-review.</summary>
public sealed record CriterionAssessment(CriterionKind Kind, CriterionGrade Grade);
