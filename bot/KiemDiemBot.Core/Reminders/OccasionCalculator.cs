using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Organisations;

namespace KiemDiemBot.Core.Reminders;

/// <summary>
/// Every occasion of one cycle, from its settings, deadlines and calendar and the tree's meetings (DOMAIN A6):
/// member reminders and secretary digests N working days before each cell's meeting (else its due day), the overdue
/// reminder, the draft circulation of each meeting, the body deadlines, and the unreachable list. An occasion whose
/// moment is not before its expiry never runs and is left out.
/// </summary>
internal sealed class OccasionCalculator
{
    private readonly ReviewCycle cycle;
    private readonly WorkingCalendar calendar;
    private readonly PlanDomain domain;
    private readonly DeadlineResolver deadlines;
    private readonly IReadOnlyList<int> offsets;
    private readonly Dictionary<Guid, PlanMeeting> meetingOf;

    /// <summary>Most cells share a due day: each count over the calendar is made once per tick.</summary>
    private readonly Dictionary<(DateOnly Day, int Count), DateOnly> workingDaysBefore = [];

    public OccasionCalculator(ReviewCycle cycle, WorkingCalendar calendar, PlanDomain domain)
    {
        this.cycle = cycle;
        this.calendar = calendar;
        this.domain = domain;
        deadlines = new DeadlineResolver(cycle, domain.ParentOf);
        offsets = ReminderSettings.ParseOffsets(cycle.ReminderOffsets);
        meetingOf = domain.MeetingsByCycle[cycle.Id]
            .GroupBy(m => m.OrganisationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.ScheduledAt).First());
    }

    /// <summary>The shipped holiday table with the cycle's overrides.</summary>
    public static WorkingCalendar CalendarOf(ReviewCycle cycle) =>
        WorkingCalendar.VietnamStateSector.WithOverrides(cycle.CalendarDays.OrderBy(d => d.Date).Select(d => d.ToOverride()));

    public List<ComputedOccasion> Compute()
    {
        var occasions = new List<ComputedOccasion>();
        foreach (var organisation in domain.Organisations)
        {
            // Members belong to cells (the roster refuses a party group as a member's cell), so a party group's
            // reminders would reach nobody and show twice in its cell's schedule: cells only.
            if (organisation.Kind.IsCell())
            {
                AddCell(organisation, occasions);
            }
            if (cycle.OpenedAt is not null)
            {
                foreach (var kind in DeadlinesBinding(organisation))
                {
                    AddBodyDeadline(organisation, kind, occasions);
                }
            }
        }
        if (cycle.OpenedAt is not null)
        {
            foreach (var meeting in meetingOf.Values)
            {
                AddCirculation(meeting, occasions);
            }
        }
        return [.. occasions.Where(o => o.Occasion.At < o.Expires)];
    }

    /// <summary>
    /// The deadlines a body's secretary is reminded of: cells their review; sub-committees theirs; grassroots
    /// committees theirs, and grassroots organisations (committees and grassroots cells) the reports up, the
    /// party-building report and the summary conference; the top of the tree the cadre dossiers.
    /// </summary>
    private static IEnumerable<DeadlineKind> DeadlinesBinding(PlanOrganisation organisation)
    {
        if (organisation.Kind.IsLeadershipCollective() || organisation.Kind == OrganisationKind.PartyGroup)
        {
            yield break;
        }
        if (DeadlineKinds.ReviewDeadlineFor(organisation.Kind) is { } review)
        {
            yield return review;
        }
        if (organisation.Kind.IsGrassroots())
        {
            yield return DeadlineKind.ReportsUp;
            yield return DeadlineKind.PartyBuildingReport;
            yield return DeadlineKind.SummaryConference;
        }
        if (organisation.ParentId is null)
        {
            yield return DeadlineKind.CadreDossiers;
        }
    }

    private void AddCell(PlanOrganisation cell, List<ComputedOccasion> occasions)
    {
        var dueBefore = deadlines.Resolve(cell.Id, DeadlineKind.CellReview).DueBefore;
        var dueDay = dueBefore.AddDays(-1);
        var meeting = meetingOf.GetValueOrDefault(cell.Id);
        var target = meeting is null ? dueDay : WorkingCalendar.ToLocalDate(meeting.StartsAt);
        var expires = meeting?.StartsAt ?? StartOf(dueBefore);
        var knownSince = meeting?.ScheduledAt ?? cycle.OpenedAt ?? cycle.CreatedAt;

        occasions.Add(new ComputedOccasion(
            new PlannedOccasion(OccasionKeys.UnreachableList(cycle.Id, cell.Id), OccasionKind.UnreachableList, cycle.Id, cell.Id, cycle.CreatedAt, target),
            expires,
            Series(OccasionKind.UnreachableList, cell.Id)));
        if (cycle.OpenedAt is null)
        {
            return;
        }
        foreach (var offset in offsets)
        {
            var at = At(WorkingDaysBefore(target, offset));
            occasions.Add(new ComputedOccasion(
                new PlannedOccasion(OccasionKeys.MemberReminder(cycle.Id, cell.Id, target, offset), OccasionKind.MemberReminder, cycle.Id, cell.Id, at, target)
                {
                    MeetingId = meeting?.Id,
                    WorkingDaysBefore = offset,
                },
                expires,
                Series(OccasionKind.MemberReminder, cell.Id))
            {
                KnownSince = knownSince,
            });
            occasions.Add(new ComputedOccasion(
                new PlannedOccasion(OccasionKeys.SecretaryDigest(cycle.Id, cell.Id, target, offset), OccasionKind.SecretaryDigest, cycle.Id, cell.Id, at, target)
                {
                    MeetingId = meeting?.Id,
                    WorkingDaysBefore = offset,
                },
                expires,
                Series(OccasionKind.SecretaryDigest, cell.Id))
            {
                KnownSince = knownSince,
            });
        }
        // Once, the first working day after the due day, while the meeting has not started; with no meeting, until
        // the review season ends (the summary conference's date).
        var overdueExpires = meeting?.StartsAt ?? StartOf(deadlines.Resolve(cell.Id, DeadlineKind.SummaryConference).DueBefore);
        occasions.Add(new ComputedOccasion(
            new PlannedOccasion(OccasionKeys.OverdueReminder(cycle.Id, cell.Id, dueDay), OccasionKind.OverdueReminder, cycle.Id, cell.Id,
                At(WorkingDaysBefore(dueDay, -1)), dueDay)
            {
                MeetingId = meeting?.Id,
            },
            overdueExpires,
            Series(OccasionKind.OverdueReminder, cell.Id))
        {
            KnownSince = knownSince,
        });
    }

    private void AddBodyDeadline(PlanOrganisation body, DeadlineKind kind, List<ComputedOccasion> occasions)
    {
        var dueBefore = deadlines.Resolve(body.Id, kind).DueBefore;
        var dueDay = dueBefore.AddDays(-1);
        foreach (var offset in offsets)
        {
            occasions.Add(new ComputedOccasion(
                new PlannedOccasion(OccasionKeys.BodyDeadline(cycle.Id, body.Id, kind, dueBefore, offset), OccasionKind.BodyDeadline, cycle.Id, body.Id,
                    At(WorkingDaysBefore(dueDay, offset)), dueDay)
                {
                    WorkingDaysBefore = offset,
                    Deadline = kind,
                },
                StartOf(dueBefore),
                Series(OccasionKind.BodyDeadline, body.Id, kind))
            {
                KnownSince = cycle.OpenedAt ?? cycle.CreatedAt,
            });
        }
    }

    /// <summary>At the reminder time of the third working day before the meeting; scheduled later than that, at once.</summary>
    private void AddCirculation(PlanMeeting meeting, List<ComputedOccasion> occasions)
    {
        var meetingDay = WorkingCalendar.ToLocalDate(meeting.StartsAt);
        var onTime = At(calendar.LatestDraftCirculationDate(meetingDay));
        var at = meeting.ScheduledAt > onTime ? meeting.ScheduledAt : onTime;
        occasions.Add(new ComputedOccasion(
            new PlannedOccasion(OccasionKeys.DraftCirculation(meeting.Id), OccasionKind.DraftCirculation, cycle.Id, meeting.OrganisationId, at, meetingDay)
            {
                MeetingId = meeting.Id,
                WorkingDaysBefore = WorkingCalendar.DraftLeadWorkingDays,
            },
            meeting.StartsAt,
            "circulate:" + meeting.Id.ToString("N")));
    }

    /// <summary>Counted back over working days (forward when <paramref name="count"/> is negative), remembered.</summary>
    private DateOnly WorkingDaysBefore(DateOnly day, int count)
    {
        if (!workingDaysBefore.TryGetValue((day, count), out var result))
        {
            result = calendar.AddWorkingDays(day, -count);
            workingDaysBefore[(day, count)] = result;
        }
        return result;
    }

    private DateTimeOffset At(DateOnly day) => WorkingCalendar.ToInstant(day, cycle.ReminderTime);

    private static DateTimeOffset StartOf(DateOnly day) => WorkingCalendar.ToInstant(day, TimeOnly.MinValue);

    private string Series(OccasionKind kind, Guid organisationId, DeadlineKind? deadline = null) =>
        string.Join(':', cycle.Id.ToString("N"), kind, organisationId.ToString("N"), deadline?.ToString() ?? "");
}
