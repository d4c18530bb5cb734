namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>What the hard caps on a leadership collective's level need to know.</summary>
/// <param name="OrganisationLevel">The level of the organisation, agency or unit the collective leads, once known.</param>
/// <param name="DisciplineInYear">Discipline of the collective itself in the cycle's year, if any.</param>
/// <param name="MemberDisciplinesInYear">The discipline each of its members received in the year.</param>
public sealed record CollectiveCapFacts(
    RankingLevel? OrganisationLevel,
    DisciplineFacts? DisciplineInYear,
    IReadOnlyList<DisciplineSeverity> MemberDisciplinesInYear);
