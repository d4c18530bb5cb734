namespace KiemDiemBot.Core.Reminders;

/// <summary>An occasion with what the plan needs besides: when it stops making sense, and the series it belongs to.</summary>
/// <param name="Expires">From this instant on it is pointless: the meeting started, the due day is over.</param>
/// <param name="Series">Occasions of one series replace each other: of those missed, only the latest is sent.</param>
internal sealed record ComputedOccasion(PlannedOccasion Occasion, DateTimeOffset Expires, string Series);
