using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Places;

namespace KiemDiemBot.Core.Members;

/// <summary>
/// The organisation tree in memory, to turn posts into the bodies the place rules know: a post held
/// in a party organisation counts in that organisation's committee (its Ban Chấp hành, Ban Thường
/// vụ or Chi ủy when the roster lists one), a post in a leadership collective in that collective.
/// Every committee body carries the organisation it belongs to, so that the place rules count the
/// posts held in one organisation's committee as one place.
/// </summary>
internal sealed class OrganisationTree
{
    private readonly Dictionary<Guid, Organisation> byId;
    private readonly ILookup<Guid, Organisation> collectivesByParent;

    public OrganisationTree(IEnumerable<Organisation> organisations)
    {
        byId = organisations.ToDictionary(o => o.Id);
        collectivesByParent = byId.Values
            .Where(o => o.ParentId is not null && o.Kind.IsLeadershipCollective())
            .ToLookup(o => o.ParentId!.Value);
    }

    public Organisation? Find(Guid id) => byId.GetValueOrDefault(id);

    public MemberPostFacts PostFactsFor(Member member, IEnumerable<Position> positions)
    {
        var posts = positions
            .Select(p => byId.TryGetValue(p.BodyId, out var body) ? new PostFacts(BodyFor(body, p.Title), p.Title.Role()) : null)
            .OfType<PostFacts>()
            .ToList();
        return new MemberPostFacts(member.Id, BodyFacts.Cell(member.OfficialCellId), posts, GrassrootsCommitteeOf(member.OfficialCellId), []);
    }

    /// <summary>The committee of the grassroots organisation the cell belongs to, if any.</summary>
    public BodyFacts? GrassrootsCommitteeOf(Guid cellId)
    {
        var visited = new HashSet<Guid>();
        var current = Find(cellId);
        while (current is not null && visited.Add(current.Id))
        {
            if (current.Kind.IsGrassroots())
            {
                var committee = Collective(current.Id, OrganisationKind.ExecutiveCommittee)
                    ?? Collective(current.Id, OrganisationKind.CellCommittee);
                return BodyFacts.Committee(committee?.Id ?? current.Id, CommitteeTier.GrassrootsCommittee, current.Id);
            }
            current = current.ParentId is { } parentId ? Find(parentId) : null;
        }
        return null;
    }

    public BodyFacts BodyFor(Organisation body, PositionTitle title)
    {
        if (body.Kind.IsLeadershipCollective())
        {
            var ledKind = body.ParentId is { } ledId && Find(ledId) is { } led ? led.Kind : OrganisationKind.GrassrootsCommittee;
            var committeeOf = body.ParentId ?? body.Id;
            return body.Kind switch
            {
                OrganisationKind.AgencyLeadership or OrganisationKind.PartyDelegation => BodyFacts.WorkplaceLeadership(body.Id),
                OrganisationKind.StandingCommittee => BodyFacts.Committee(body.Id, StandingTier(ledKind), committeeOf),
                _ => BodyFacts.Committee(body.Id, ExecutiveTier(ledKind), committeeOf),
            };
        }
        if (title == PositionTitle.StandingCommitteeMember)
        {
            var standing = Collective(body.Id, OrganisationKind.StandingCommittee);
            return BodyFacts.Committee(standing?.Id ?? body.Id, StandingTier(body.Kind), body.Id);
        }
        var executive = Collective(body.Id, OrganisationKind.ExecutiveCommittee) ?? Collective(body.Id, OrganisationKind.CellCommittee);
        return BodyFacts.Committee(executive?.Id ?? body.Id, ExecutiveTier(body.Kind), body.Id);
    }

    private Organisation? Collective(Guid ledId, OrganisationKind kind) =>
        collectivesByParent[ledId].Where(o => o.Kind == kind).OrderBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault();

    private static CommitteeTier ExecutiveTier(OrganisationKind led) => led switch
    {
        OrganisationKind.SuperiorCommittee => CommitteeTier.SuperiorCommittee,
        OrganisationKind.GrassrootsCommittee or OrganisationKind.GrassrootsCell => CommitteeTier.GrassrootsCommittee,
        OrganisationKind.SubCommittee => CommitteeTier.SubCommittee,
        _ => CommitteeTier.CellCommittee,
    };

    private static CommitteeTier StandingTier(OrganisationKind led) =>
        led == OrganisationKind.SuperiorCommittee ? CommitteeTier.SuperiorStandingCommittee : CommitteeTier.GrassrootsStandingCommittee;
}
