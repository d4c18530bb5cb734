using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Ballots;

/// <summary>
/// A voting body as the roster knows it: a cell (its members are those whose official cell it is), a leadership
/// collective (those holding a post in it), or a party organisation above cells (the members of its committee:
/// posts held in it or in its Ban Chấp hành, Ban Thường vụ, Chi ủy). Its secretary or deputy secretary (held in the
/// body, in its committee, or, for a committee, in the organisation the committee leads) opens and closes ballots.
/// </summary>
internal sealed record BallotBody(Organisation Organisation, IReadOnlyList<Member> Members, IReadOnlyList<Position> Posts, IReadOnlyList<Guid> SecretaryIds)
{
    /// <summary>A cell votes as a cell; every other body as a committee (a member suspended from the committee does not vote).</summary>
    public VotingBody VotingBody => Organisation.Kind.IsCell() ? VotingBody.Cell : VotingBody.Committee;

    public bool IsSecretary(Guid memberId) => SecretaryIds.Contains(memberId);

    /// <summary>The member's role in this body (orders the agenda: head, deputies, committee members first).</summary>
    public PostRole PartyRole(Guid memberId, IReadOnlySet<Guid> bodyIds) =>
        Posts.Where(p => p.MemberId == memberId && bodyIds.Contains(p.BodyId))
            .Select(p => p.Title.Role())
            .DefaultIfEmpty(PostRole.None)
            .Max();

    public static async Task<BallotBody?> LoadAsync(KiemDiemDbContext db, Guid bodyId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == bodyId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var committees = await db.Organisations.AsNoTracking()
            .Where(o => o.ParentId == bodyId
                && (o.Kind == OrganisationKind.ExecutiveCommittee || o.Kind == OrganisationKind.StandingCommittee || o.Kind == OrganisationKind.CellCommittee))
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        var own = new List<Guid> { bodyId };
        own.AddRange(committees);
        List<Member> members;
        if (organisation.Kind.IsCell())
        {
            members = await db.Members.AsNoTracking().Where(m => m.OfficialCellId == bodyId).ToListAsync(cancellationToken);
        }
        else
        {
            var bodies = organisation.Kind.IsLeadershipCollective() ? [bodyId] : own;
            members = await db.Members.AsNoTracking()
                .Where(m => db.Positions.Any(p => p.MemberId == m.Id && bodies.Contains(p.BodyId)))
                .ToListAsync(cancellationToken);
        }
        var memberIds = members.Select(m => m.Id).ToList();
        var posts = await db.Positions.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId))
            .Include(p => p.Body)
            .ToListAsync(cancellationToken);
        var secretaryBodies = new List<Guid>(own);
        if (IsCommitteeKind(organisation.Kind) && organisation.ParentId is { } ledId)
        {
            secretaryBodies.Add(ledId);
        }
        var secretaryIds = await db.Positions.AsNoTracking()
            .Where(p => secretaryBodies.Contains(p.BodyId) && (p.Title == PositionTitle.Secretary || p.Title == PositionTitle.DeputySecretary))
            .Select(p => p.MemberId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return new BallotBody(organisation, members, posts, secretaryIds);
    }

    /// <summary>The bodies whose posts are posts "in" this body: itself and its committees.</summary>
    public IReadOnlySet<Guid> OwnBodies() =>
        Posts.Select(p => p.Body!)
            .Where(b => b.Id == Organisation.Id || (b.ParentId == Organisation.Id && IsCommitteeKind(b.Kind)))
            .Select(b => b.Id)
            .Append(Organisation.Id)
            .ToHashSet();

    /// <summary>The member's highest post in an agency's leadership (a cell meeting orders leaders before members too).</summary>
    public PostRole AgencyRole(Guid memberId) =>
        Posts.Where(p => p.MemberId == memberId && p.Body!.Kind == OrganisationKind.AgencyLeadership)
            .Select(p => p.Title.Role())
            .DefaultIfEmpty(PostRole.None)
            .Max();

    private static bool IsCommitteeKind(OrganisationKind kind) =>
        kind is OrganisationKind.ExecutiveCommittee or OrganisationKind.StandingCommittee or OrganisationKind.CellCommittee;
}
