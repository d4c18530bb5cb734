namespace KiemDiemBot.Cards;

/// <summary>What the bot sends by itself on a day of the schedule (the card's mirror of the planner's occasion kinds).</summary>
public enum ScheduledMessageKind
{
    MemberReminder = 0,
    OverdueReminder = 1,
    SecretaryDigest = 2,
    DraftCirculation = 3,
    BodyDeadline = 4,
    UnreachableList = 5,
}

/// <summary>
/// One line of the schedule: when it goes (Vietnam's local day and time), what it is, the day it prepares for
/// (<see cref="TargetDate"/>: the meeting day when <see cref="TargetIsMeeting"/>, else the due day), and whether it
/// already went out.
/// </summary>
public sealed record ScheduledMessage(DateOnly Date, TimeOnly Time, ScheduledMessageKind Kind, DateOnly TargetDate)
{
    public bool TargetIsMeeting { get; init; }

    /// <summary>Working days before the target; null when the occasion is not an offset.</summary>
    public int? WorkingDaysBefore { get; init; }

    /// <summary>The deadline's Vietnamese name for a <see cref="ScheduledMessageKind.BodyDeadline"/>.</summary>
    public string? DeadlineName { get; init; }

    public bool Sent { get; init; }
}

/// <summary>A member of the cell the secretary can pause or resume reminders for.</summary>
public sealed record ReminderScheduleMember(Guid MemberId, string FullName, bool Paused);

/// <summary>
/// A cell's coming automatic messages in a cycle, for its secretary (lịch nhắc), in time order, and the members
/// whose reminders may be paused, in roster order; a line about what the last button did.
/// </summary>
public sealed record ReminderScheduleCardInput(
    Guid CellId,
    Guid CycleId,
    int Year,
    string CellName,
    IReadOnlyList<ScheduledMessage> Messages,
    IReadOnlyList<ReminderScheduleMember> Members)
{
    public string? Notice { get; init; }
}
