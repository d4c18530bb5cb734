namespace KiemDiemBot.Cards;

/// <summary>The deadlines of the cycle's plan a body's secretary is reminded of (the card's own names of them).</summary>
public enum BodyDeadlineTopic
{
    CellReview = 0,
    SubCommitteeReview = 1,
    GrassrootsCommitteeReview = 2,
    ReportsUp = 3,
    CadreDossiers = 4,
    PartyBuildingReport = 5,
    SummaryConference = 6,
}

/// <summary>
/// A body's secretary is reminded of a deadline: the year, the body, the deadline, the date to finish before (the
/// last day is the day before), and what the body still lacks, one line each.
/// </summary>
public sealed record BodyDeadlineCardInput(int Year, string BodyName, BodyDeadlineTopic Topic, DateOnly DueBefore, IReadOnlyList<string> Missing);
