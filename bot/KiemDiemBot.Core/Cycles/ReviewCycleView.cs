using KiemDiemBot.Core.Calendar;

namespace KiemDiemBot.Core.Cycles;

/// <summary>A review cycle's settings as read.</summary>
/// <param name="Id">The cycle.</param>
/// <param name="Year">The year reviewed.</param>
/// <param name="RuleSetCode">The rule set, e.g. HD21-2022.</param>
/// <param name="Deadlines">The cycle-wide deadlines: finish before each date.</param>
/// <param name="CommitteeDeadlines">The dates committees set for themselves and the organisations under them.</param>
/// <param name="CalendarOverrides">The cycle's changes to the shipped holiday table, by date.</param>
public sealed record ReviewCycleView(
    Guid Id,
    int Year,
    string RuleSetCode,
    IReadOnlyDictionary<DeadlineKind, DateOnly> Deadlines,
    IReadOnlyList<CommitteeDeadlineView> CommitteeDeadlines,
    IReadOnlyList<CalendarOverride> CalendarOverrides)
{
    /// <summary>When the cycle was opened to members; null while it is only being prepared.</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>Working days before a meeting or due day on which members are reminded, largest first (default 5, 3, 1).</summary>
    public IReadOnlyList<int> ReminderOffsets { get; init; } = ReminderSettings.ParseOffsets(ReviewCycle.DefaultReminderOffsets);

    /// <summary>The local time (Asia/Ho_Chi_Minh) reminders and circulations go out on their day (default 08:00).</summary>
    public TimeOnly ReminderTime { get; init; } = ReviewCycle.DefaultReminderTime;
}
