using System.Globalization;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Reviews;

internal sealed class ReviewMeetingCalendar(KiemDiemDbContext db, IReviewCycleService cycles, AuditTrail audit, TimeProvider clock)
    : IReviewMeetingCalendar
{
    public Task<IReadOnlyList<MeetingDateWarning>> SetMeetingAsync(
        Guid cycleId, Guid organisationId, DateTimeOffset startsAt, Guid actorMemberId, CancellationToken cancellationToken) =>
        SetMeetingAsync(cycleId, organisationId, startsAt, endsAt: null, actorMemberId, cancellationToken);

    /// <summary>
    /// Sets or moves the body's meeting, and its end: <paramref name="endsAt"/> when given (the meeting planner's),
    /// else an end already set moves with the start so the meeting keeps its length. Each change is audited.
    /// </summary>
    internal async Task<IReadOnlyList<MeetingDateWarning>> SetMeetingAsync(
        Guid cycleId, Guid organisationId, DateTimeOffset startsAt, DateTimeOffset? endsAt, Guid actorMemberId, CancellationToken cancellationToken)
    {
        if (!await db.ReviewCycles.AnyAsync(c => c.Id == cycleId, cancellationToken) && !db.ReviewCycles.Local.Any(c => c.Id == cycleId))
        {
            throw new KeyNotFoundException($"No review cycle {cycleId}.");
        }
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new KeyNotFoundException($"No organisation {organisationId}.");
        // PostgreSQL keeps instants in UTC; the views show them in Asia/Ho_Chi_Minh.
        startsAt = startsAt.ToUniversalTime();
        var now = clock.GetUtcNow();
        var meeting = await TrackedAsync(cycleId, organisationId, cancellationToken);
        // A cancelled meeting set again is brought back: it had no date until now.
        var cancelled = meeting?.CancelledAt is not null;
        if (meeting?.StartsAt != startsAt || cancelled)
        {
            audit.Record(new AuditChange(actorMemberId.ToString(), AuditSubjectKind.CycleSettings, cycleId, AuditFields.ReviewMeeting,
                cancelled ? null : Format(meeting?.StartsAt), Format(startsAt), null) { OrganisationId = organisationId });
            if (meeting is null)
            {
                db.ReviewMeetings.Add(new ReviewMeeting
                {
                    Id = Guid.CreateVersion7(now),
                    CycleId = cycleId,
                    OrganisationId = organisationId,
                    StartsAt = startsAt,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
            else
            {
                var previousStart = meeting.StartsAt;
                meeting.StartsAt = startsAt;
                meeting.CancelledAt = null;
                meeting.UpdatedAt = now;
                if (endsAt is null && meeting.EndsAt is { } end)
                {
                    endsAt = end + (startsAt - previousStart);
                }
            }
        }
        meeting ??= db.ReviewMeetings.Local.Single(m => m.CycleId == cycleId && m.OrganisationId == organisationId);
        if (endsAt?.ToUniversalTime() is { } newEnd && meeting.EndsAt != newEnd)
        {
            audit.Record(new AuditChange(actorMemberId.ToString(), AuditSubjectKind.CycleSettings, cycleId, AuditFields.ReviewMeetingEnd,
                Format(meeting.EndsAt), Format(newEnd), null) { OrganisationId = organisationId });
            meeting.EndsAt = newEnd;
            meeting.UpdatedAt = now;
        }
        return await WarningsAsync(cycleId, organisation, startsAt, cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewMeetingView>> ListAsync(Guid cycleId, Guid organisationId, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        var subtree = Subtree(organisations, organisationId);
        var meetings = await db.ReviewMeetings.AsNoTracking()
            .Where(m => m.CycleId == cycleId && m.CancelledAt == null)
            .ToListAsync(cancellationToken);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        return [.. meetings
            .Where(m => subtree.Contains(m.OrganisationId))
            .OrderBy(m => m.StartsAt)
            .ThenBy(m => names[m.OrganisationId], StringComparer.Create(RuleReason.TextCulture, ignoreCase: true))
            .Select(m => ToView(m, names[m.OrganisationId]))];
    }

    public async Task<ReviewMeetingView?> FindForMemberAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken)
    {
        var cellId = await db.Members.Where(m => m.Id == memberId).Select(m => (Guid?)m.OfficialCellId).SingleOrDefaultAsync(cancellationToken);
        if (cellId is not { } id)
        {
            return null;
        }
        var meeting = await TrackedAsync(cycleId, id, cancellationToken);
        if (meeting is null || meeting.CancelledAt is not null)
        {
            return null;
        }
        var name = await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancellationToken);
        return ToView(meeting, name);
    }

    /// <summary>The meeting as this unit of work sees it: staged here, else stored.</summary>
    private async Task<ReviewMeeting?> TrackedAsync(Guid cycleId, Guid organisationId, CancellationToken cancellationToken) =>
        db.ReviewMeetings.Local.SingleOrDefault(m => m.CycleId == cycleId && m.OrganisationId == organisationId)
        ?? await db.ReviewMeetings.SingleOrDefaultAsync(m => m.CycleId == cycleId && m.OrganisationId == organisationId, cancellationToken);

    private async Task<List<MeetingDateWarning>> WarningsAsync(
        Guid cycleId, Organisation organisation, DateTimeOffset startsAt, CancellationToken cancellationToken)
    {
        var warnings = new List<MeetingDateWarning>();
        if (DeadlineKinds.ReviewDeadlineFor(organisation.Kind) is { } kind)
        {
            var deadline = await cycles.ResolveDeadlineAsync(cycleId, organisation.Id, kind, cancellationToken);
            var meetingDay = WorkingCalendar.ToLocalDate(startsAt);
            if (meetingDay >= deadline.DueBefore)
            {
                warnings.Add(new MeetingDateWarning(string.Format(RuleReason.TextCulture, ReviewTexts.Meeting_AfterDeadline,
                    organisation.Name, meetingDay, kind.DisplayName(), deadline.DueBefore)));
            }
        }
        return warnings;
    }

    private static HashSet<Guid> Subtree(List<Organisation> organisations, Guid rootId)
    {
        var children = organisations.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
        var found = new HashSet<Guid>();
        var pending = new Stack<Guid>([rootId]);
        while (pending.TryPop(out var id))
        {
            if (found.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }
        return found;
    }

    private static ReviewMeetingView ToView(ReviewMeeting meeting, string organisationName) =>
        new(meeting.Id, meeting.CycleId, meeting.OrganisationId, organisationName, TimeZoneInfo.ConvertTime(meeting.StartsAt, WorkingCalendar.TimeZone));

    private static string? Format(DateTimeOffset? instant) =>
        instant is { } value
            ? TimeZoneInfo.ConvertTime(value, WorkingCalendar.TimeZone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : null;
}
