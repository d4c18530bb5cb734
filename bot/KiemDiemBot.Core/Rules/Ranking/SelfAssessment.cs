namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>What a member's self-review says, as far as the level suggestion needs it.</summary>
/// <param name="Criteria">Every graded criterion of the self-review form.</param>
public sealed record SelfAssessment(IReadOnlyList<CriterionAssessment> Criteria);
