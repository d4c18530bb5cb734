using System.Globalization;
using KiemDiemBot.Core.Cycles;

namespace KiemDiemBot.Core.Reminders;

/// <summary>The kinds of message the bot sends by itself, on a date the domain decides.</summary>
public enum OccasionKind
{
    /// <summary>Each member of a cell whose self-review is not submitted, N working days before the meeting, or before the due day while no meeting is set.</summary>
    MemberReminder = 0,

    /// <summary>The same members, once, on the first working day after the cell's due day.</summary>
    OverdueReminder = 1,

    /// <summary>The cell's secretary, on the member-reminder days: who is not done, whose comments are missing.</summary>
    SecretaryDigest = 2,

    /// <summary>The draft collective report to every participant, three working days before the meeting.</summary>
    DraftCirculation = 3,

    /// <summary>A body's secretary, before one of its kind's deadlines, with what is still missing.</summary>
    BodyDeadline = 4,

    /// <summary>Each cell's secretary, before the cycle starts: the members the bot cannot reach.</summary>
    UnreachableList = 5,
}

/// <summary>
/// One occasion of the plan: what, for which organisation, when it is due (<see cref="At"/>, an instant at the
/// cycle's reminder time on a working day) and the day it prepares for (<see cref="TargetDate"/>: the meeting day,
/// the due day or the deadline's last day). <see cref="Key"/> names it for good: it is the dedupe scope of its
/// deliveries and the ledger key that marks it run, so computing the plan again never sends it twice.
/// </summary>
public sealed record PlannedOccasion(string Key, OccasionKind Kind, Guid CycleId, Guid OrganisationId, DateTimeOffset At, DateOnly TargetDate)
{
    /// <summary>The meeting the occasion prepares for, when it is one.</summary>
    public Guid? MeetingId { get; init; }

    /// <summary>Working days before <see cref="TargetDate"/> (5, 3, 1 by default); null when not an offset.</summary>
    public int? WorkingDaysBefore { get; init; }

    /// <summary>The deadline of a <see cref="OccasionKind.BodyDeadline"/>.</summary>
    public DeadlineKind? Deadline { get; init; }
}

/// <summary>The keys of occasions: one place, so that a job, a dialog and the plan name the same occasion alike.</summary>
public static class OccasionKeys
{
    public static string MemberReminder(Guid cycleId, Guid cellId, DateOnly target, int workingDaysBefore) =>
        Join("remind", cycleId, cellId, Day(target), workingDaysBefore.ToString(CultureInfo.InvariantCulture));

    public static string OverdueReminder(Guid cycleId, Guid cellId, DateOnly dueDay) =>
        Join("overdue", cycleId, cellId, Day(dueDay));

    public static string SecretaryDigest(Guid cycleId, Guid cellId, DateOnly target, int workingDaysBefore) =>
        Join("digest", cycleId, cellId, Day(target), workingDaysBefore.ToString(CultureInfo.InvariantCulture));

    /// <summary>Once per meeting: moving the meeting after its draft went out does not send it again.</summary>
    public static string DraftCirculation(Guid meetingId) => "circulate:" + meetingId.ToString("N");

    public static string BodyDeadline(Guid cycleId, Guid organisationId, DeadlineKind kind, DateOnly dueBefore, int workingDaysBefore) =>
        Join("deadline", cycleId, organisationId, kind + ":" + Day(dueBefore), workingDaysBefore.ToString(CultureInfo.InvariantCulture));

    public static string UnreachableList(Guid cycleId, Guid organisationId) => Join("unreachable", cycleId, organisationId);

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Join(string kind, Guid cycleId, Guid organisationId, params string[] rest) =>
        string.Join(':', [kind, cycleId.ToString("N"), organisationId.ToString("N"), .. rest]);
}
