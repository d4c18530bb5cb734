using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Hd21;
using KiemDiemBot.Core.Rules.Places;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class ReviewPlacesTests
{
    private static readonly IRuleSet Hd21 = Hd21RuleSet.Default;

    [Fact]
    public void PlacesFor_OrdinaryMember_OnlyTheCellOnMemberDuties()
    {
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var member = new MemberPostFacts(Guid.NewGuid(), cell, [], null, []);

        var places = Hd21.PlacesFor(member);

        var place = Assert.Single(places);
        Assert.Equal(cell, place.Body);
        Assert.Equal(ReviewFocus.PartyMemberDuties, place.Focus);
    }

    [Fact]
    public void PlacesFor_ThreeOrMorePosts_CellThenWorkplaceLeadershipThenHighestCommittee()
    {
        // A department director who sits on the Bloc Standing Committee, the Bloc Executive
        // Committee and the department's grassroots committee (seed I.A.2.2, the "three posts" note).
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var department = BodyFacts.WorkplaceLeadership(Guid.NewGuid());
        var grassroots = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.GrassrootsCommittee);
        var blocExecutive = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.SuperiorCommittee);
        var blocStanding = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.SuperiorStandingCommittee);
        var member = new MemberPostFacts(
            Guid.NewGuid(),
            cell,
            [
                new PostFacts(grassroots, PostRole.Head),
                new PostFacts(blocStanding, PostRole.Member),
                new PostFacts(department, PostRole.Head),
                new PostFacts(blocExecutive, PostRole.Member),
            ],
            grassroots,
            []);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell, department, blocStanding], places.Select(p => p.Body));
        Assert.Equal(RuleReasonCode.PlaceHighestCommittee, places[2].Reason.Code);
        Assert.Contains("ba chức vụ", places[2].Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlacesFor_ThreePostsInTwoPlacesOneCommittee_NotTheThreePostsRule()
    {
        // The agency head who is secretary and standing committee member of the grassroots đảng bộ:
        // the executive and standing committee of one đảng bộ are one place, so two places in all.
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var agency = BodyFacts.WorkplaceLeadership(Guid.NewGuid());
        var partyOrganisation = Guid.NewGuid();
        var executive = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.GrassrootsCommittee, partyOrganisation);
        var standing = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.GrassrootsStandingCommittee, partyOrganisation);
        var member = new MemberPostFacts(
            Guid.NewGuid(),
            cell,
            [
                new PostFacts(agency, PostRole.Head),
                new PostFacts(executive, PostRole.Head),
                new PostFacts(standing, PostRole.Member),
            ],
            executive,
            []);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell, agency, executive, standing], places.Select(p => p.Body));
        Assert.DoesNotContain(places, p => p.Reason.Code == RuleReasonCode.PlaceHighestCommittee);
        Assert.Equal(RuleReasonCode.PlaceGrassrootsCommitteeOfHead, places[2].Reason.Code);
    }

    [Fact]
    public void PlacesFor_PostsInOneCommitteeAndTwoOtherPlaces_ThreePostsRuleWithTheHighestCommittee()
    {
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var department = BodyFacts.WorkplaceLeadership(Guid.NewGuid());
        var grassrootsOrganisation = Guid.NewGuid();
        var executive = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.GrassrootsCommittee, grassrootsOrganisation);
        var standing = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.GrassrootsStandingCommittee, grassrootsOrganisation);
        var blocExecutive = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.SuperiorCommittee, Guid.NewGuid());
        var member = new MemberPostFacts(
            Guid.NewGuid(),
            cell,
            [
                new PostFacts(department, PostRole.Head),
                new PostFacts(executive, PostRole.Member),
                new PostFacts(standing, PostRole.Member),
                new PostFacts(blocExecutive, PostRole.Member),
            ],
            executive,
            []);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell, department, blocExecutive], places.Select(p => p.Body));
        Assert.Contains("ba chức vụ", places[2].Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlacesFor_ThreePostsAndAPlaceDecidedByCompetentLevel_DecidedPlaceComesLast()
    {
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var department = BodyFacts.WorkplaceLeadership(Guid.NewGuid());
        var grassroots = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.GrassrootsCommittee);
        var blocStanding = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.SuperiorStandingCommittee);
        var advisoryBoard = BodyFacts.WorkplaceLeadership(Guid.NewGuid());
        var member = new MemberPostFacts(
            Guid.NewGuid(),
            cell,
            [
                new PostFacts(department, PostRole.Deputy),
                new PostFacts(grassroots, PostRole.Head),
                new PostFacts(blocStanding, PostRole.Member),
            ],
            grassroots,
            [advisoryBoard]);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell, department, blocStanding, advisoryBoard], places.Select(p => p.Body));
        Assert.Equal(ReviewFocus.DecidedByCompetentLevel, places[3].Focus);
    }

    [Fact]
    public void PlacesFor_HeadOfAgency_CellThenAgencyLeadershipThenGrassrootsCommittee()
    {
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var agency = BodyFacts.WorkplaceLeadership(Guid.NewGuid());
        var grassroots = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.GrassrootsCommittee);
        var member = new MemberPostFacts(Guid.NewGuid(), cell, [new PostFacts(agency, PostRole.Head)], grassroots, []);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell, agency, grassroots], places.Select(p => p.Body));
        Assert.All(places.Skip(1), p => Assert.Equal(ReviewFocus.PostDuties, p.Focus));
    }

    [Fact]
    public void PlacesFor_GrassrootsCommitteeMemberInAgencyLeadership_ReviewsBeforeTheAgencyLeadership()
    {
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var agency = BodyFacts.WorkplaceLeadership(Guid.NewGuid());
        var grassroots = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.GrassrootsCommittee);
        var member = new MemberPostFacts(
            Guid.NewGuid(),
            cell,
            [new PostFacts(grassroots, PostRole.Member), new PostFacts(agency, PostRole.Member)],
            grassroots,
            []);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell, agency], places.Select(p => p.Body));
    }

    [Fact]
    public void PlacesFor_BlocStandingCommitteeMember_CellThenStandingCommittee()
    {
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var blocStanding = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.SuperiorStandingCommittee);
        var member = new MemberPostFacts(Guid.NewGuid(), cell, [new PostFacts(blocStanding, PostRole.Member)], null, []);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell, blocStanding], places.Select(p => p.Body));
    }

    [Fact]
    public void PlacesFor_CellCommitteeMember_ReviewsOnlyAtTheCell()
    {
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var cellCommittee = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.CellCommittee);
        var member = new MemberPostFacts(Guid.NewGuid(), cell, [new PostFacts(cellCommittee, PostRole.Deputy)], null, []);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell], places.Select(p => p.Body));
    }

    [Fact]
    public void PlacesFor_SubCommitteeMember_CellThenSubCommittee()
    {
        var cell = BodyFacts.Cell(Guid.NewGuid());
        var subCommittee = BodyFacts.Committee(Guid.NewGuid(), CommitteeTier.SubCommittee);
        var member = new MemberPostFacts(Guid.NewGuid(), cell, [new PostFacts(subCommittee, PostRole.Member)], null, []);

        var places = Hd21.PlacesFor(member);

        Assert.Equal([cell, subCommittee], places.Select(p => p.Body));
    }
}
