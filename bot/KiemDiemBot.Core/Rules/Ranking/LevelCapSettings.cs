namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>The numbers in the hard caps that change between rule sets.</summary>
/// <param name="SickLeaveMonthsForCap">Sick leave of at least this many months in the year caps a member at HTNV; null when the rule set has no such cap (QĐ366).</param>
/// <param name="ExcellentOrganisationGoodPercent">For an organisation to be HTXSNV, at least this percent of its members (or subordinate organisations) must be HTTNV or better (80 under HD21).</param>
/// <param name="CollectiveMemberDisciplineThreshold">A collective with a member disciplined this heavily or more in the year is KHTNV (cảnh cáo under HD21).</param>
public sealed record LevelCapSettings(
    decimal? SickLeaveMonthsForCap,
    int ExcellentOrganisationGoodPercent,
    DisciplineSeverity CollectiveMemberDisciplineThreshold);
