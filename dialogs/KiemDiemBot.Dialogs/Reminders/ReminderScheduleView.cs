using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;

namespace KiemDiemBot.Dialogs.Reminders;

/// <summary>
/// Reads what the schedule card of a cell shows: the planner's occasions for the cell from the start of today to a
/// month after the cycle's last deadline (those already run marked sent), in Vietnam's time; the cell's members
/// reviewed this cycle with whether their reminders are paused.
/// </summary>
public sealed class ReminderScheduleView(
    IReminderPlanner planner,
    IReminderPauses pauses,
    IReviewProgressService progress,
    TimeProvider clock)
{
    /// <summary>The cell's members whose reminders the secretary may pause: reviewed this cycle, of this cell (not here temporarily).</summary>
    public static IReadOnlyList<MemberProgress> Pausable(CellProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return [.. view.Members.Where(m => m.IsReviewed && !m.HoldsTemporaryActivitiesHere)];
    }

    public async Task<CellProgressView> CellAsync(Guid cellId, Guid cycleId, CancellationToken cancellationToken) =>
        await progress.GetCellProgressAsync(cellId, cycleId, cancellationToken);

    /// <param name="paused">The paused members when the caller has just staged a change (the database does not show it before the commit); null to read them.</param>
    public async Task<ReminderScheduleCardInput> BuildAsync(
        ReviewCycleView cycle, CellProgressView cell, IReadOnlySet<Guid>? paused, string? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(cell);
        var members = Pausable(cell);
        paused ??= await pauses.FindPausedAsync(cycle.Id, [.. members.Select(m => m.MemberId)], cancellationToken);
        var today = WorkingCalendar.Today(clock);
        var last = cycle.Deadlines.Values.Concat(cycle.CommitteeDeadlines.Select(d => d.DueBefore)).Append(today).Max();
        var plan = await planner.PlanAsync(cell.CellId,
            WorkingCalendar.ToInstant(today, TimeOnly.MinValue), WorkingCalendar.ToInstant(last.AddMonths(1), TimeOnly.MinValue), cancellationToken);
        return new ReminderScheduleCardInput(
            cell.CellId, cycle.Id, cycle.Year, cell.CellName,
            [.. plan.Where(e => e.Occasion.CycleId == cycle.Id).Select(Line)],
            [.. members.Select(m => new ReminderScheduleMember(m.MemberId, m.FullName, paused.Contains(m.MemberId)))])
        {
            Notice = notice,
        };
    }

    private static ScheduledMessage Line(PlanEntry entry)
    {
        var occasion = entry.Occasion;
        var local = TimeZoneInfo.ConvertTime(occasion.At, WorkingCalendar.TimeZone);
        return new ScheduledMessage(DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime), Kind(occasion.Kind), occasion.TargetDate)
        {
            TargetIsMeeting = occasion.MeetingId is not null,
            WorkingDaysBefore = occasion.WorkingDaysBefore,
            DeadlineName = occasion.Deadline?.DisplayName(),
            Sent = entry.RunAt is not null,
        };
    }

    private static ScheduledMessageKind Kind(OccasionKind kind) => kind switch
    {
        OccasionKind.MemberReminder => ScheduledMessageKind.MemberReminder,
        OccasionKind.OverdueReminder => ScheduledMessageKind.OverdueReminder,
        OccasionKind.SecretaryDigest => ScheduledMessageKind.SecretaryDigest,
        OccasionKind.DraftCirculation => ScheduledMessageKind.DraftCirculation,
        OccasionKind.BodyDeadline => ScheduledMessageKind.BodyDeadline,
        OccasionKind.UnreachableList => ScheduledMessageKind.UnreachableList,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
