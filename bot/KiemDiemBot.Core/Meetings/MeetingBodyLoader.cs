using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// Loads a body for its review meeting. A cell's roster is its official members; a committee's (a grassroots or
/// superior committee, a sub-committee) is everyone holding a post in it or in a collective directly under it (its
/// executive and standing committees, the agency's leadership). The secretary and deputy secretaries are those of
/// the body itself or of its committee, as <see cref="Identity.MemberRoles"/> counts them. A committee with an
/// agency leadership under it meets jointly with it (co-chaired by the secretary and the head of the agency).
/// </summary>
internal sealed class MeetingBodyLoader(KiemDiemDbContext db)
{
    public async Task<MeetingBody?> LoadAsync(Guid bodyId, CancellationToken cancellationToken)
    {
        var body = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == bodyId, cancellationToken);
        if (body is null)
        {
            return null;
        }
        var collectives = await db.Organisations.AsNoTracking()
            .Where(o => o.ParentId == bodyId)
            .Select(o => new { o.Id, o.Kind })
            .ToListAsync(cancellationToken);
        var collectiveIds = collectives.Where(c => c.Kind.IsLeadershipCollective()).Select(c => c.Id).ToList();
        var committeeIds = collectives.Where(c => IsCommitteeOf(c.Kind)).Select(c => c.Id).Append(bodyId).ToHashSet();
        var memberQuery = body.Kind.IsCell()
            ? db.Members.Where(m => m.OfficialCellId == bodyId)
            : db.Members.Where(m => db.Positions.Any(p => p.MemberId == m.Id && (p.BodyId == bodyId || collectiveIds.Contains(p.BodyId))));
        var members = await memberQuery.AsNoTracking()
            .Select(m => new { m.Id, m.Code, m.FullName, m.Membership, m.ActivityStatus })
            .ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.Id).ToList();
        var posts = await db.Positions.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Title, p.BodyId, p.Body!.Kind })
            .ToListAsync(cancellationToken);
        var leaders = await db.Positions.AsNoTracking()
            .Where(p => (p.Title == PositionTitle.Secretary || p.Title == PositionTitle.DeputySecretary) && committeeIds.Contains(p.BodyId))
            .Select(p => p.MemberId)
            .ToListAsync(cancellationToken);
        var byName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);
        var roster = members
            .OrderBy(m => m.FullName, byName)
            .ThenBy(m => m.Code, StringComparer.Ordinal)
            .Select(m =>
            {
                var own = posts.Where(p => p.MemberId == m.Id).ToList();
                var partyRole = own.Where(p => committeeIds.Contains(p.BodyId)).Select(p => p.Title.Role()).DefaultIfEmpty(PostRole.None).Max();
                var agencyRole = own.Where(p => p.Kind == OrganisationKind.AgencyLeadership).Select(p => p.Title.Role()).DefaultIfEmpty(PostRole.None).Max();
                return new MeetingBodyMember(
                    m.Id,
                    m.FullName,
                    IsOfficial: m.Membership == MembershipKind.Official,
                    IsExempt: m.ActivityStatus == PartyActivityStatus.ExemptFromWorkAndActivities,
                    IsReviewedHere: m.ActivityStatus == PartyActivityStatus.Active,
                    partyRole,
                    agencyRole);
            })
            .ToList();
        var joint = !body.Kind.IsCell() && collectives.Any(c => c.Kind == OrganisationKind.AgencyLeadership);
        return new MeetingBody(body.Id, body.Name, body.Kind, joint ? MeetingKind.JointLeadership : MeetingKind.PartyOrganisation, roster, leaders.ToHashSet());
    }

    /// <summary>The party organisations the member leads as secretary or deputy secretary (of it or of its committee).</summary>
    public async Task<IReadOnlyList<Guid>> LedByAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var posts = await db.Positions.AsNoTracking()
            .Where(p => p.MemberId == memberId && (p.Title == PositionTitle.Secretary || p.Title == PositionTitle.DeputySecretary))
            .Select(p => new Identity.RolePost(p.Title, p.BodyId, p.Body!.Kind, p.Body.ParentId))
            .ToListAsync(cancellationToken);
        return [.. Identity.MemberRoles.From(posts, isAdmin: false).Select(r => r.OrganisationId).OfType<Guid>().Distinct()];
    }

    /// <summary>A party committee of the organisation it sits under: its posts are posts in that organisation.</summary>
    private static bool IsCommitteeOf(OrganisationKind kind) =>
        kind is OrganisationKind.ExecutiveCommittee or OrganisationKind.StandingCommittee or OrganisationKind.CellCommittee;
}
