namespace KiemDiemBot.Core.Cycles;

/// <summary>One year's review (đợt kiểm điểm): its rule set, deadlines and working-day calendar.</summary>
internal sealed class ReviewCycle
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    /// <summary>The rule set's code in <see cref="Rules.RuleSetCatalog"/>, e.g. HD21-2022.</summary>
    public required string RuleSetCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the cycle was opened to members (mở đợt kiểm điểm); null while it is only being prepared.</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>Who opened it: a member's id or e-mail, or the command that did.</summary>
    public string? OpenedBy { get; set; }

    /// <summary>Working days before a meeting or due day on which members are reminded, comma-separated, e.g. "5,3,1".</summary>
    public string ReminderOffsets { get; set; } = DefaultReminderOffsets;

    /// <summary>The local time (Asia/Ho_Chi_Minh) reminders and circulations go out on their day.</summary>
    public TimeOnly ReminderTime { get; set; } = DefaultReminderTime;

    public const string DefaultReminderOffsets = "5,3,1";

    public static readonly TimeOnly DefaultReminderTime = new(8, 0);

    /// <summary>The cycle-wide deadlines, one per <see cref="DeadlineKind"/>.</summary>
    public List<CycleDeadline> Deadlines { get; set; } = [];

    /// <summary>Deadlines a committee set for itself and the organisations under it.</summary>
    public List<CommitteeDeadline> CommitteeDeadlines { get; set; } = [];

    /// <summary>The cycle's changes to the shipped holiday table.</summary>
    public List<CycleCalendarDay> CalendarDays { get; set; } = [];
}
