using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.SelfReviews;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Rankings;

/// <summary>
/// "thông qua kết quả" through the real pipeline in local mode: the grassroots committee's adoption blocked by the 20%
/// cap across its two cells, the approval ballot opened from the check card in the committee's chat (its cards sent to
/// the committee members), a tie at the cut and its re-vote, then the adoption with the dropped names at HTTNV.
/// </summary>
public abstract class AdoptResultsTests(StorageProvider provider) : IAsyncLifetime
{
    private const string OpenApprovalButton = "Mở biểu quyết HTXSNV";

    private readonly FakeTimeProvider clock = new(BotApplicationFactory.Start);
    private MigratedStorage storage = null!;
    private LocalReviewHost host = null!;

    private DecisionScene Scene => new(host);

    public async Task InitializeAsync()
    {
        storage = await MigratedStorage.CreateAsync(provider, clock);
        host = await DecisionScene.StartAsync(storage, clock);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task AdoptResults_CapExceededAcrossTheCells_ApprovalBallotTieRevoteThenAdoptsWithTheDroppedAtGood()
    {
        var committee = new[] { DecisionScene.Hung, DecisionScene.Mai, DecisionScene.Huong, DecisionScene.Tuan };
        var chats = new Dictionary<string, string>();
        foreach (var email in committee)
        {
            chats[email] = (await Scene.World.OpenAsync(email)).Chat.ConversationId;
        }
        // Proposed HTXSNV: Hùng, Hương and Nam in the office cell, Mai and Tuấn in the technology cell; everyone else
        // HTTNV, or the best their caps allow.
        var proposed = new HashSet<Guid>();
        foreach (var email in new[] { DecisionScene.Hung, DecisionScene.Huong, DecisionScene.Nam, DecisionScene.Mai, DecisionScene.Tuan })
        {
            proposed.Add((await Scene.MemberAsync(email)).Id);
        }
        RankingLevel Choose(BallotSubjectView s) => proposed.Contains(s.SubjectId) ? RankingLevel.ExcellentCompletion : RankingLevel.GoodCompletion;
        var office = await Scene.RunCellBallotAsync(DemoOrganisation.OfficeCellCode, DecisionScene.Huong, Choose);
        var technology = await Scene.RunCellBallotAsync(DemoOrganisation.TechnologyCellCode, DecisionScene.Tuan, Choose);
        var levels = office.Subjects.Concat(technology.Subjects).Select(s => s.Level).ToList();
        var excellent = levels.Count(l => l == RankingLevel.ExcellentCompletion);
        var good = levels.Count(l => l == RankingLevel.GoodCompletion);
        Assert.Equal(5, excellent);
        // The most that can stay HTXSNV: m with 5·m ≤ (E + G) − m.
        var seats = (excellent + good) / 6;
        var meeting = await Scene.World.OpenGroupAsync(DecisionScene.Hung);

        var check = await meeting.SayForCardAsync("thông qua kết quả");

        Assert.True(check.Says("Cấp quyết định: Đảng bộ Sở Thông tin và Truyền thông."));
        Assert.True(check.Says($"Đảng viên: 5 Hoàn thành xuất sắc nhiệm vụ bên cạnh {good} Hoàn thành tốt nhiệm vụ (5 × 5 = 25 lớn hơn {good})"));
        Assert.True(check.Says($"chỉ được tối đa {seats} Hoàn thành xuất sắc nhiệm vụ"));
        Assert.DoesNotContain(check.Buttons, b => b["title"]?.GetValue<string>() == "Thông qua");
        Assert.Empty(await Scene.RankingsAsync());

        var opened = await meeting.PressAsync(check, check.Press(check.Button(OpenApprovalButton)), 2);
        var ballotCards = await Scene.ReceiveProactiveAsync(4);

        Assert.Equal("Đã gửi phiếu kín tới 4 đồng chí trong trò chuyện riêng với bot.", opened[0].Activity.Text);
        var status = new ReviewCard(opened[1]);
        Assert.True(status.Says("Đã bỏ phiếu 0/4"));
        Assert.Equal(chats.Values.Order(), ballotCards.Select(c => c.ConversationId).Order());
        var ballotCard = new ReviewCard(ballotCards[0]);
        Assert.True(ballotCard.Says("Phiếu biểu quyết giữ mức Hoàn thành xuất sắc nhiệm vụ"));
        Assert.Equal(CardVerbs.CastBallot, ballotCard.Buttons.Single()["data"]![CardDataKeys.Verb]!.GetValue<string>());
        var ballotId = Guid.Parse(ballotCard.Buttons.Single()["data"]![CardDataKeys.Ballot]!.GetValue<string>());
        var approval = (await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().GetAsync(ballotId, CancellationToken.None)))!;
        Assert.Equal(5, approval.Subjects.Count);
        Assert.Equal(seats, approval.Seats);

        // Round 1 (base 4, kept only with 3 or more agree): the first seats − 1 names 4 votes, the next two 3 (a tie at
        // the cut for the last seat), the others none.
        var candidates = approval.Subjects.Select(s => s.SubjectId).ToList();
        var top = candidates.Take(seats - 1).ToList();
        var (first, second) = (candidates[seats - 1], candidates[seats]);
        IReadOnlyCollection<Guid> most = [.. top, first, second];
        await Scene.CastApprovalsAsync(approval,
            [(DecisionScene.Hung, most), (DecisionScene.Mai, most), (DecisionScene.Huong, most), (DecisionScene.Tuan, top)]);
        await Scene.CloseAsync(ballotId, DecisionScene.Hung);
        var tied = await meeting.SayForCardAsync("thông qua kết quả");
        Assert.True(tied.Says("bằng phiếu tại ngưỡng cắt"));
        Assert.DoesNotContain(tied.Buttons, b => b["title"]?.GetValue<string>() == OpenApprovalButton);

        // Round 2 between the tied for the last seat: 4 agree for the first, 1 for the second.
        var revote = await Scene.RevoteAsync(ballotId, DecisionScene.Hung);
        await Scene.CastApprovalsAsync(revote,
            [(DecisionScene.Hung, [first, second]), (DecisionScene.Mai, [first]), (DecisionScene.Huong, [first]), (DecisionScene.Tuan, [first])]);
        await Scene.CloseAsync(revote.BallotId, DecisionScene.Hung);
        var adopted = await meeting.SayForCardAsync("thông qua kết quả");

        Assert.True(adopted.Says("Đã thông qua kết quả xếp loại"));
        Assert.True(adopted.Says($"Đảng bộ Sở Thông tin và Truyền thông thông qua xếp loại của {levels.Count} trường hợp."));
        var rankings = await Scene.RankingsAsync();
        Assert.Equal(levels.Count, rankings.Count);
        Assert.Equal([.. top, first], rankings.Where(r => r.Level == RankingLevel.ExcellentCompletion).Select(r => r.SubjectId).Order());
        foreach (var dropped in candidates.Except([.. top, first]))
        {
            var ranking = rankings.Single(r => r.SubjectId == dropped);
            Assert.Equal(RankingLevel.GoodCompletion, ranking.Level);
            Assert.Contains($"{{\"title\":\"{ranking.SubjectName}\",\"value\":\"Hoàn thành tốt nhiệm vụ (không được giữ Hoàn thành xuất sắc nhiệm vụ qua biểu quyết chọn)\"}}",
                adopted.Json, StringComparison.Ordinal);
        }
        Assert.True(ExcellenceCapHolds(rankings));
    }

    [Fact]
    public async Task AdoptResults_PlainMember_IsRefused()
    {
        var member = await Scene.World.OpenAsync("khoa.duong@" + DemoOrganisation.EmailDomain);

        var reply = await member.SayAsync("thông qua kết quả");

        Assert.Equal("Chỉ Bí thư hoặc Phó Bí thư của tổ chức cơ sở đảng (hoặc của chi bộ, để xem) được thông qua kết quả xếp loại.", reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
    }

    [Fact]
    public async Task AdoptResults_CellSecretary_IsToldTheGrassrootsCommitteeAdopts()
    {
        await Scene.RunCellBallotAsync(DemoOrganisation.TechnologyCellCode, DecisionScene.Tuan, _ => RankingLevel.GoodCompletion);
        var secretary = await Scene.World.OpenAsync(DecisionScene.Tuan);

        var reply = await secretary.SayAsync("thông qua kết quả");

        Assert.Equal("Kết quả bỏ phiếu của Chi bộ Phòng Công nghệ thông tin là đề xuất: Đảng bộ Sở Thông tin và Truyền thông xem xét, bỏ phiếu quyết định và thông qua.", reply.Activity.Text);
        Assert.Empty(await Scene.RankingsAsync());
    }

    [Fact]
    public async Task AdoptResults_NothingBlocks_DeputyAdoptsAndGetsTheList()
    {
        var office = await Scene.RunCellBallotAsync(DemoOrganisation.OfficeCellCode, DecisionScene.Huong, _ => RankingLevel.GoodCompletion);
        var deputy = await Scene.World.OpenAsync(DecisionScene.Mai);

        var adopted = await deputy.SayForCardAsync("thông qua kết quả");

        Assert.True(adopted.Says("Đã thông qua kết quả xếp loại"));
        Assert.True(adopted.Says("Chi bộ Văn phòng Sở"));
        Assert.Empty(adopted.Buttons);
        var rankings = await Scene.RankingsAsync();
        Assert.Equal(office.Subjects.Select(s => s.SubjectId).Order(), rankings.Select(r => r.SubjectId).Order());
        Assert.All(rankings, r => Assert.Equal(office.Subjects.Single(s => s.SubjectId == r.SubjectId).Level, r.Level));
    }

    private static bool ExcellenceCapHolds(IReadOnlyList<RankingView> rankings) =>
        5 * rankings.Count(r => r.Level == RankingLevel.ExcellentCompletion) <= rankings.Count(r => r.Level == RankingLevel.GoodCompletion);
}

public sealed class SqliteAdoptResultsTests() : AdoptResultsTests(StorageProvider.Sqlite);

public sealed class PostgresAdoptResultsTests() : AdoptResultsTests(StorageProvider.PostgreSQL);
