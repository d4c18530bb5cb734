namespace KiemDiemBot.Cards;

/// <summary>
/// What the one who opened a cycle is told: the year, the rule set's name, the deadlines, how many members were
/// sent the news, and who could not be reached (names, the first few, and how many in all).
/// </summary>
public sealed record CycleOpenedReportCardInput(
    int Year,
    string RuleSetName,
    IReadOnlyList<CycleOpenedDeadline> Deadlines,
    int Notified,
    int UnreachableCount,
    IReadOnlyList<string> UnreachableNames)
{
    /// <summary>Members told before (the cycle was opened for them already): not told again.</summary>
    public int AlreadyNotified { get; init; }
}

/// <summary>A deadline as the report lists it.</summary>
public sealed record CycleOpenedDeadline(string Label, DateOnly DueBefore);
