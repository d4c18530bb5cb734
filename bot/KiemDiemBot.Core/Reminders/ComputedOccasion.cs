namespace KiemDiemBot.Core.Reminders;

/// <summary>An occasion with what the plan needs besides: when it stops making sense, and the series it belongs to.</summary>
/// <param name="Expires">From this instant on it is pointless: the meeting started, the due day is over.</param>
/// <param name="Series">Occasions of one series replace each other: of those missed, only the latest is sent.</param>
internal sealed record ComputedOccasion(PlannedOccasion Occasion, DateTimeOffset Expires, string Series)
{
    /// <summary>
    /// When its target became known (the meeting set or moved, the cycle opened). An occasion dated before that was
    /// never missed, so it is not sent late: a meeting set three working days ahead gets the 3-day reminder, not also
    /// the 5-day one a minute earlier.
    /// </summary>
    public DateTimeOffset KnownSince { get; init; } = DateTimeOffset.MinValue;

    /// <summary>Its moment has come, its target is still ahead, and it was not dated before its target was known.</summary>
    public bool IsLiveAt(DateTimeOffset now) => Occasion.At <= now && now < Expires && Occasion.At >= KnownSince;
}
