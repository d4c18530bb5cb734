namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>What the hard caps on a member's level need to know.</summary>
/// <param name="DisciplineInYear">Discipline decided in the cycle's year, if any.</param>
/// <param name="SickLeaveMonths">Total sick leave in the year, in months.</param>
/// <param name="StateRating">For a civil servant or public employee, the state rating once entered; otherwise null.</param>
public sealed record MemberCapFacts(DisciplineFacts? DisciplineInYear, decimal SickLeaveMonths, RankingLevel? StateRating);
