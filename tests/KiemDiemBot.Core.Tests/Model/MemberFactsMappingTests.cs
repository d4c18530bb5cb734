using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Hd21;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Tests.Model;

/// <summary>A stored member as the HD21 rules see them.</summary>
public sealed class MemberFactsMappingTests
{
    private static readonly IRuleSet Hd21 = Hd21RuleSet.Default;

    private static Member NewMember() => new()
    {
        Id = Guid.NewGuid(),
        Code = "DV01",
        FullName = "Nguyễn Văn An",
        OfficialCellId = Guid.NewGuid(),
        Membership = MembershipKind.Official,
        AdmittedOn = new DateOnly(2010, 5, 19),
    };

    [Fact]
    public void ToMemberFacts_SuspendedFromCommitteeOnly_IsStillReviewedButDoesNotVoteInTheCommittee()
    {
        var member = NewMember();
        member.SuspendedFromCommittee = true;

        var facts = member.ToMemberFacts();

        Assert.True(ReviewEligibility.Decide(facts, Hd21.Settings.Eligibility, new DateOnly(2022, 11, 25)).Allowed);
        Assert.False(VotingEligibility.Decide(facts, VotingBody.Committee, isPresent: true).Allowed);
    }

    [Fact]
    public void ToMemberFacts_WithTemporaryCell_ActsTemporarilyElsewhere()
    {
        var member = NewMember();
        member.TemporaryCellId = Guid.NewGuid();

        Assert.True(member.ToMemberFacts().ActsTemporarilyElsewhere);
    }

    [Fact]
    public void ToCapFacts_DisciplineOfAnotherYear_DoesNotCap()
    {
        var member = NewMember();
        member.Discipline = DisciplineSeverity.Warning;
        member.DisciplinedOn = new DateOnly(2021, 12, 20);

        var capped = Hd21.CapMemberLevel(RankingLevel.ExcellentCompletion, member.ToCapFacts(2022));

        Assert.Equal(RankingLevel.ExcellentCompletion, capped.Level);
    }

    [Fact]
    public void ToCapFacts_StateRatingOfANonCivilServant_IsIgnored()
    {
        var member = NewMember();
        member.StateRating = RankingLevel.Completion;

        Assert.Null(member.ToCapFacts(2022).StateRating);
        member.IsCivilServant = true;
        Assert.Equal(RankingLevel.Completion, Hd21.CapMemberLevel(RankingLevel.ExcellentCompletion, member.ToCapFacts(2022)).Level);
    }

    [Fact]
    public void PostFactsFor_SecretaryOfASmallCellAndCommitteeMember_ReviewsAtCellThenGrassrootsCommittee()
    {
        var grassroots = new Organisation { Id = Guid.NewGuid(), Code = "DB01", Name = "Đảng bộ", Kind = OrganisationKind.GrassrootsCommittee };
        var executive = new Organisation
        {
            Id = Guid.NewGuid(), Code = "DB01-BCH", Name = "Ban Chấp hành", Kind = OrganisationKind.ExecutiveCommittee, ParentId = grassroots.Id,
        };
        var cell = new Organisation { Id = Guid.NewGuid(), Code = "CB01", Name = "Chi bộ", Kind = OrganisationKind.AffiliatedCell, ParentId = grassroots.Id };
        var member = NewMember();
        member.OfficialCellId = cell.Id;
        var tree = new OrganisationTree([grassroots, executive, cell]);

        var posts = tree.PostFactsFor(member,
        [
            new Position { MemberId = member.Id, BodyId = cell.Id, Title = PositionTitle.Secretary },
            new Position { MemberId = member.Id, BodyId = grassroots.Id, Title = PositionTitle.ExecutiveCommitteeMember },
        ]);
        var places = Hd21.PlacesFor(posts);

        Assert.Equal(BodyFacts.Committee(executive.Id, CommitteeTier.GrassrootsCommittee, grassroots.Id), posts.WorkplaceGrassrootsCommittee);
        Assert.Equal([cell.Id, executive.Id], places.Select(p => p.Body.BodyId));
    }

    [Fact]
    public void PostFactsFor_SecretaryStandingAndExecutiveMemberOfOneDangBo_OnePlaceNotThreePosts()
    {
        var grassroots = new Organisation { Id = Guid.NewGuid(), Code = "DB01", Name = "Đảng bộ", Kind = OrganisationKind.GrassrootsCommittee };
        var executive = new Organisation
        {
            Id = Guid.NewGuid(), Code = "DB01-BCH", Name = "Ban Chấp hành", Kind = OrganisationKind.ExecutiveCommittee, ParentId = grassroots.Id,
        };
        var standing = new Organisation
        {
            Id = Guid.NewGuid(), Code = "DB01-BTV", Name = "Ban Thường vụ", Kind = OrganisationKind.StandingCommittee, ParentId = grassroots.Id,
        };
        var cell = new Organisation { Id = Guid.NewGuid(), Code = "CB01", Name = "Chi bộ", Kind = OrganisationKind.AffiliatedCell, ParentId = grassroots.Id };
        var member = NewMember();
        member.OfficialCellId = cell.Id;
        var tree = new OrganisationTree([grassroots, executive, standing, cell]);

        var posts = tree.PostFactsFor(member,
        [
            new Position { MemberId = member.Id, BodyId = grassroots.Id, Title = PositionTitle.Secretary },
            new Position { MemberId = member.Id, BodyId = standing.Id, Title = PositionTitle.StandingCommitteeMember },
            new Position { MemberId = member.Id, BodyId = grassroots.Id, Title = PositionTitle.ExecutiveCommitteeMember },
        ]);
        var places = Hd21.PlacesFor(posts);

        Assert.All(posts.Posts, post => Assert.Equal(grassroots.Id, post.Body.CommitteeOf));
        Assert.Equal([cell.Id, executive.Id, standing.Id], places.Select(p => p.Body.BodyId));
        Assert.DoesNotContain(places, p => p.Reason.Code == RuleReasonCode.PlaceHighestCommittee);
    }
}
