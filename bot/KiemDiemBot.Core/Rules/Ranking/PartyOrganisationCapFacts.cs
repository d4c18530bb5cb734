namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>What the hard caps on a party organisation's level need to know.</summary>
/// <param name="Kind">A cell or a đảng bộ.</param>
/// <param name="ConstituentLevels">The levels its ranked members (cell) or subordinate organisations (đảng bộ) got.</param>
/// <param name="DisciplineInYear">Discipline of the organisation itself in the cycle's year, if any.</param>
public sealed record PartyOrganisationCapFacts(
    PartyOrganisationKind Kind,
    IReadOnlyList<RankingLevel> ConstituentLevels,
    DisciplineFacts? DisciplineInYear);
