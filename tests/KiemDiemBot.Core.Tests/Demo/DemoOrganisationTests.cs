using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Hd21;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Rules.Ranking;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Roster;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Demo;

/// <summary>
/// The demo organisation seeds once, offers its members to the picker, and feeds the HD21 rules
/// the cases it was built for. The fixture's today is 20/11/2022; the meeting is on 25/11/2022.
/// </summary>
public sealed class DemoOrganisationTests : IAsyncLifetime
{
    private static readonly DateOnly Meeting = new(2022, 11, 25);
    private static readonly IRuleSet Hd21 = Hd21RuleSet.Default;

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(StorageProvider.Sqlite);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<bool> SeedIfEmptyAsync() =>
        InScope(sp => sp.GetRequiredService<IDemoOrganisationSeeder>().SeedIfEmptyAsync(CancellationToken.None));

    private async Task<MemberRuleFacts> FactsAsync(string email)
    {
        var member = await InScope(sp => sp.GetRequiredService<IRosterDirectory>().FindByEmailAsync(email, CancellationToken.None));
        Assert.NotNull(member);
        var facts = await InScope(sp => sp.GetRequiredService<IMemberFactsSource>().FindAsync(member.Id, 2022, CancellationToken.None));
        return facts!;
    }

    [Fact]
    public async Task SeedIfEmptyAsync_EmptyDatabase_SeedsFifteenMembersInTwoCells()
    {
        var seeded = await SeedIfEmptyAsync();

        Assert.True(seeded);
        var members = await storage.MembersAsync();
        Assert.Equal(15, members.Count);
        Assert.Equal(2, members.Select(m => m.OfficialCellId).Distinct().Count());
        Assert.All(members, m => Assert.EndsWith("@" + DemoOrganisation.EmailDomain, m.Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeedIfEmptyAsync_SecondTime_DoesNothing()
    {
        await SeedIfEmptyAsync();

        var seededAgain = await SeedIfEmptyAsync();

        Assert.False(seededAgain);
        Assert.Equal(15, (await storage.MembersAsync()).Count);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_DatabaseWithARoster_LeavesItAlone()
    {
        await storage.ImportAsync(new SampleRoster());

        var seeded = await SeedIfEmptyAsync();

        Assert.False(seeded);
        Assert.Equal(2, (await storage.MembersAsync()).Count);
    }

    [Fact]
    public async Task SeedAsync_Repeated_NeverDuplicates()
    {
        await SeedIfEmptyAsync();

        var again = await InScope(sp => sp.GetRequiredService<IDemoOrganisationSeeder>().SeedAsync(CancellationToken.None));

        Assert.Equal(new RosterChangeCounts(0, 0, 15, 0), again.Counts.Members);
        Assert.Equal(new RosterChangeCounts(0, 0, 7, 0), again.Counts.Organisations);
        Assert.Equal(15, (await storage.MembersAsync()).Count);
        Assert.Equal(11, (await storage.PositionsAsync()).Count);
    }

    [Fact]
    public async Task ListMembersAsync_AfterSeeding_OffersEveryDemoMemberWithNameAndCell()
    {
        await SeedIfEmptyAsync();

        var members = await InScope(sp => sp.GetRequiredService<IRosterDirectory>().ListMembersAsync(CancellationToken.None));

        Assert.Equal(15, members.Count);
        var leader = Assert.Single(members, m => m.Email == DemoOrganisation.LeaderEmail);
        Assert.Equal("Nguyễn Văn Hùng", leader.FullName);
        Assert.Equal("Chi bộ Văn phòng Sở", leader.CellName);
        Assert.Equal("Bùi Quang Huy", members[0].FullName);
    }

    [Fact]
    public async Task Rules_ProbationaryMember_IsRankedButCannotVote()
    {
        await SeedIfEmptyAsync();
        var facts = await FactsAsync(DemoOrganisation.ProbationaryEmail);

        var eligibility = Hd21.AssessEligibility(facts.Eligibility, Meeting, isPresent: true);

        Assert.True(eligibility.Ranked.Allowed);
        Assert.False(eligibility.Votes.Allowed);
        Assert.Equal(RuleReasonCode.ProbationaryDoesNotVote, eligibility.Votes.Reason!.Code);
    }

    [Fact]
    public async Task Rules_MemberAdmittedTwoMonthsAgo_WritesSelfReviewButIsNotRanked()
    {
        await SeedIfEmptyAsync();
        var facts = await FactsAsync(DemoOrganisation.NewMemberEmail);

        var eligibility = Hd21.AssessEligibility(facts.Eligibility, Meeting, isPresent: true);

        Assert.True(eligibility.Reviewed.Allowed);
        Assert.False(eligibility.Ranked.Allowed);
        Assert.Equal(RuleReasonCode.NewMemberNotRanked, eligibility.Ranked.Reason!.Code);
    }

    [Fact]
    public async Task Rules_TemporaryMember_WaitsForTheTemporaryCellsComment()
    {
        await SeedIfEmptyAsync();
        var facts = await FactsAsync(DemoOrganisation.TemporaryMemberEmail);

        var eligibility = Hd21.AssessEligibility(facts.Eligibility, Meeting, isPresent: true);

        Assert.True(eligibility.TemporaryCellComment.Missing);
        Assert.Equal(RuleReasonCode.TemporaryCellCommentMissing, eligibility.Ranked.Reason!.Code);
    }

    [Fact]
    public async Task Rules_ExemptMember_IsNotReviewed()
    {
        await SeedIfEmptyAsync();
        var facts = await FactsAsync(DemoOrganisation.ExemptMemberEmail);

        var eligibility = Hd21.AssessEligibility(facts.Eligibility, Meeting, isPresent: true);

        Assert.False(eligibility.Reviewed.Allowed);
        Assert.Equal(RuleReasonCode.ExemptFromWorkAndActivities, eligibility.Reviewed.Reason!.Code);
    }

    [Fact]
    public async Task Rules_DisciplinedMember_IsCappedAtNonCompletionThisYearOnly()
    {
        await SeedIfEmptyAsync();
        var facts = await FactsAsync(DemoOrganisation.DisciplinedMemberEmail);
        var member = (await storage.MembersAsync()).Single(m => m.Email == DemoOrganisation.DisciplinedMemberEmail);

        var capped = Hd21.CapMemberLevel(RankingLevel.GoodCompletion, facts.Caps);
        var nextYear = Hd21.CapMemberLevel(RankingLevel.GoodCompletion, member.ToCapFacts(2023));

        Assert.Equal(RankingLevel.NonCompletion, capped.Level);
        Assert.Equal(RankingLevel.GoodCompletion, nextYear.Level);
    }

    [Fact]
    public async Task Rules_MemberOnLongSickLeave_IsCappedAtCompletion()
    {
        await SeedIfEmptyAsync();
        var facts = await FactsAsync(DemoOrganisation.SickLeaveMemberEmail);

        var capped = Hd21.CapMemberLevel(RankingLevel.ExcellentCompletion, facts.Caps);

        Assert.Equal(RankingLevel.Completion, capped.Level);
    }

    [Fact]
    public async Task Rules_LeaderWithThreePosts_ReviewsAtCellWorkplaceLeadershipAndHighestCommittee()
    {
        await SeedIfEmptyAsync();
        var facts = await FactsAsync(DemoOrganisation.LeaderEmail);
        var organisations = (await storage.OrganisationsAsync()).ToDictionary(o => o.Id);

        var places = Hd21.PlacesFor(facts.Posts);

        Assert.Equal(3, facts.Posts.Posts.Count);
        Assert.Equal(
            ["Chi bộ Văn phòng Sở", "Lãnh đạo Sở Thông tin và Truyền thông", "Ban Chấp hành Đảng bộ Khối Các cơ quan tỉnh"],
            places.Select(p => organisations[p.Body.BodyId].Name));
        Assert.Equal(CommitteeTier.SuperiorCommittee, places[2].Body.Tier);
    }

    [Fact]
    public async Task Rules_OrdinaryMember_IsReviewedRankedAndVotes()
    {
        await SeedIfEmptyAsync();
        var facts = await FactsAsync("khoa.duong@" + DemoOrganisation.EmailDomain);

        var eligibility = Hd21.AssessEligibility(facts.Eligibility, Meeting, isPresent: true);

        Assert.True(eligibility.RankedAtThisMeeting);
        Assert.True(eligibility.Votes.Allowed);
    }
}
