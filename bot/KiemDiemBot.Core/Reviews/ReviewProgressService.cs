using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Reviews;

internal sealed class ReviewProgressService(KiemDiemDbContext db, AuditTrail audit, TimeProvider clock) : IReviewProgressService
{
    private const string Personal = "personal";

    public async Task<CellProgressView> GetCellProgressAsync(Guid cellId, Guid cycleId, CancellationToken cancellationToken)
    {
        var cell = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cellId, cancellationToken)
            ?? throw new KeyNotFoundException($"No organisation {cellId}.");
        var cycle = await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new KeyNotFoundException($"No review cycle {cycleId}.");
        if (!RuleSetCatalog.TryGet(cycle.RuleSetCode, out var ruleSet))
        {
            throw new InvalidOperationException($"The review cycle {cycleId} names the unknown rule set '{cycle.RuleSetCode}'.");
        }
        var members = await db.Members.AsNoTracking()
            .Where(m => m.OfficialCellId == cellId || m.TemporaryCellId == cellId)
            .ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.Id).ToList();
        var reviews = (await db.SelfReviews.AsNoTracking()
            .Where(r => r.CycleId == cycleId && memberIds.Contains(r.MemberId))
            .ToListAsync(cancellationToken))
            .ToDictionary(r => r.MemberId);
        var cellIds = members.Select(m => m.OfficialCellId).Distinct().ToList();
        var meetings = (await db.ReviewMeetings.AsNoTracking()
            .Where(m => m.CycleId == cycleId && m.CancelledAt == null && cellIds.Contains(m.OrganisationId))
            .ToListAsync(cancellationToken))
            .ToDictionary(m => m.OrganisationId, m => m.StartsAt);
        var reachable = await ReachableAsync(members, cancellationToken);
        var now = clock.GetUtcNow();
        var today = WorkingCalendar.ToLocalDate(now);
        var byName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);
        var lines = members
            .OrderBy(m => m.OfficialCellId == cellId ? 0 : 1)
            .ThenBy(m => m.FullName, byName)
            .ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m =>
            {
                var meeting = meetings.TryGetValue(m.OfficialCellId, out var starts) ? starts : (DateTimeOffset?)null;
                var meetingDay = meeting is { } s ? WorkingCalendar.ToLocalDate(s) : today;
                var eligibility = ruleSet.AssessEligibility(m.ToMemberFacts(), meetingDay, isPresent: true);
                return new MemberProgress(
                    m.Id,
                    m.FullName,
                    StatusOf(reviews.GetValueOrDefault(m.Id), meeting, now),
                    eligibility.ResidenceComment.Required,
                    m.ResidenceCommentReceived,
                    eligibility.TemporaryCellComment.Required,
                    m.TemporaryCellCommentReceived,
                    reachable.Contains(m.Id))
                {
                    HoldsTemporaryActivitiesHere = m.OfficialCellId != cellId,
                    IsReviewed = eligibility.Reviewed.Allowed,
                };
            })
            .ToList();
        return new CellProgressView(cell.Id, cell.Name, cycle.Id, cycle.Year, lines);
    }

    public async Task<bool> MarkCommentAsync(
        Guid memberId, ReviewCommentKind kind, bool received, Guid secretaryMemberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken)
            ?? throw new KeyNotFoundException($"No member {memberId}.");
        if (kind == ReviewCommentKind.TemporaryCell && member.TemporaryCellId is null)
        {
            throw new InvalidOperationException("The member holds no temporary activities, so no temporary cell comment is expected.");
        }
        var current = kind == ReviewCommentKind.Residence ? member.ResidenceCommentReceived : member.TemporaryCellCommentReceived;
        if (current == received)
        {
            return false;
        }
        audit.Record(new AuditChange(secretaryMemberId.ToString(), AuditSubjectKind.Member, memberId, AuditFields.MemberComment(kind),
            current ? "true" : "false", received ? "true" : "false", null));
        if (kind == ReviewCommentKind.Residence)
        {
            member.ResidenceCommentReceived = received;
        }
        else
        {
            member.TemporaryCellCommentReceived = received;
        }
        return true;
    }

    /// <summary>Not started without a review; locked once the member's cell meeting started (unless reopened after); else as stored.</summary>
    private static SelfReviewStatus StatusOf(SelfReview? review, DateTimeOffset? meetingStartsAt, DateTimeOffset now)
    {
        if (review is null)
        {
            return SelfReviewStatus.NotStarted;
        }
        var locked = meetingStartsAt is { } starts && now >= starts && !(review.UnlockedAt is { } unlocked && unlocked >= starts);
        return locked ? SelfReviewStatus.Locked : review.Status;
    }

    /// <summary>The members the bot can write to: a stored personal conversation (by Entra object id, or by e-mail in local mode) not blocked.</summary>
    private async Task<HashSet<Guid>> ReachableAsync(List<Member> members, CancellationToken cancellationToken)
    {
        var byObjectId = members.Where(m => m.EntraObjectId is not null).ToDictionary(m => m.EntraObjectId!.Value.ToString(), m => m.Id, StringComparer.OrdinalIgnoreCase);
        var byEmail = members.Where(m => m.EmailKey is not null).ToDictionary(m => m.EmailKey!, m => m.Id, StringComparer.Ordinal);
        var objectIds = byObjectId.Keys.ToList();
        var emails = byEmail.Keys.ToList();
        var references = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.ConversationType == Personal && r.WritesBlockedAt == null
                && ((r.UserAadObjectId != null && objectIds.Contains(r.UserAadObjectId.ToLower())) || emails.Contains(r.UserId.ToLower())))
            .Select(r => new { r.UserAadObjectId, r.UserId })
            .ToListAsync(cancellationToken);
        var reachable = new HashSet<Guid>();
        foreach (var reference in references)
        {
            if (reference.UserAadObjectId is { } objectId && byObjectId.TryGetValue(objectId, out var byObject))
            {
                reachable.Add(byObject);
            }
            if (Member.ToEmailKey(reference.UserId) is { } email && byEmail.TryGetValue(email, out var byMail))
            {
                reachable.Add(byMail);
            }
        }
        return reachable;
    }
}
