using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.SelfReviews;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Rankings;

/// <summary>"xếp loại lại" through the real pipeline in local mode, after the grassroots committee adopted the office cell's results.</summary>
public abstract class ReRankTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Reason = "Phát hiện khuyết điểm sau khi xếp loại.";

    private readonly FakeTimeProvider clock = new(BotApplicationFactory.Start);
    private MigratedStorage storage = null!;
    private LocalReviewHost host = null!;

    private DecisionScene Scene => new(host);

    public async Task InitializeAsync()
    {
        storage = await MigratedStorage.CreateAsync(provider, clock);
        host = await DecisionScene.StartAsync(storage, clock);
        await Scene.RunCellBallotAsync(DemoOrganisation.OfficeCellCode, DecisionScene.Huong, _ => RankingLevel.GoodCompletion);
        var cycle = await Scene.World.CycleAsync();
        var hung = await Scene.MemberAsync(DecisionScene.Hung);
        var grassroots = await Scene.GrassrootsIdAsync();
        await host.InScopeAsync(s => s.GetRequiredService<IRankingDecisionService>().AdoptAsync(cycle.Id, grassroots, hung.Id, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task ReRank_SecretaryWithReason_ChangesTheLevelAuditedAndTellsTheMember()
    {
        var namChat = await Scene.World.OpenAsync(DecisionScene.Nam);
        var nam = await Scene.MemberAsync(DecisionScene.Nam);
        var secretary = await Scene.World.OpenAsync(DecisionScene.Hung);
        var form = await secretary.SayForCardAsync("xếp loại lại");

        var done = await secretary.AnswerAsync(form,
            (ReRankCard.SubjectInputId, nam.Id.ToString("N")),
            (ReRankCard.LevelInputId, ((int)RankingLevel.Completion).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ReRankCard.ReasonInputId, Reason));
        var notice = Assert.Single(await Scene.ReceiveProactiveAsync(1));

        Assert.Contains(nam.Id.ToString("N"), form.ChoicesOf(ReRankCard.SubjectInputId));
        Assert.Contains("\"title\":\"Hoàng Văn Nam (Chi bộ Văn phòng Sở) – hiện: Hoàn thành tốt nhiệm vụ\"", form.Json, StringComparison.Ordinal);
        Assert.True(done.Says("Hoàng Văn Nam: từ Hoàn thành tốt nhiệm vụ thành Hoàn thành nhiệm vụ. Lý do: " + Reason));
        Assert.True(done.Says("Đã gửi thông báo cho đồng chí Hoàng Văn Nam."));
        Assert.Equal(namChat.Chat.ConversationId, notice.ConversationId);
        var told = new ReviewCard(notice);
        Assert.True(told.Says("từ **Hoàn thành tốt nhiệm vụ** thành **Hoàn thành nhiệm vụ**"));
        Assert.True(told.Says("Lý do: " + Reason));
        var ranking = (await Scene.RankingsAsync()).Single(r => r.SubjectId == nam.Id);
        Assert.Equal(RankingLevel.Completion, ranking.Level);
        Assert.Equal(2, ranking.Revision);
        Assert.Equal(Reason, ranking.Reason);
    }

    [Fact]
    public async Task ReRank_WithoutReason_IsRefusedInPlaceAndNothingChanges()
    {
        var nam = await Scene.MemberAsync(DecisionScene.Nam);
        var secretary = await Scene.World.OpenAsync(DecisionScene.Hung);
        var form = await secretary.SayForCardAsync("xếp loại lại");

        var refused = await secretary.RefusedAsync(form,
            (ReRankCard.SubjectInputId, nam.Id.ToString("N")),
            (ReRankCard.LevelInputId, ((int)RankingLevel.Completion).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ReRankCard.ReasonInputId, "   "));

        Assert.True(refused.Says("Cần ghi lý do xếp loại lại."));
        Assert.Equal(RankingLevel.GoodCompletion, (await Scene.RankingsAsync()).Single(r => r.SubjectId == nam.Id).Level);
    }

    [Fact]
    public async Task ReRank_AboveTheMembersCap_IsRefusedWithTheCap()
    {
        var disciplined = await Scene.MemberAsync(DemoOrganisation.DisciplinedMemberEmail);
        var secretary = await Scene.World.OpenAsync(DecisionScene.Mai);
        var form = await secretary.SayForCardAsync("xếp loại lại");

        var refused = await secretary.RefusedAsync(form,
            (ReRankCard.SubjectInputId, disciplined.Id.ToString("N")),
            (ReRankCard.LevelInputId, ((int)RankingLevel.GoodCompletion).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ReRankCard.ReasonInputId, "Xem xét lại."));

        Assert.True(refused.Says("Phan Văn Long không thể xếp mức Hoàn thành tốt nhiệm vụ:"));
        var ranking = (await Scene.RankingsAsync()).Single(r => r.SubjectId == disciplined.Id);
        Assert.Equal(RankingLevel.NonCompletion, ranking.Level);
        Assert.Equal(1, ranking.Revision);
    }

    [Fact]
    public async Task ReRank_CellSecretary_IsRefused()
    {
        var secretary = await Scene.World.OpenAsync(DecisionScene.Huong);

        var reply = await secretary.SayAsync("xếp loại lại");

        Assert.Equal("Chỉ Bí thư hoặc Phó Bí thư của tổ chức cơ sở đảng được xếp loại lại.", reply.Activity.Text);
    }
}

public sealed class SqliteReRankTests() : ReRankTests(StorageProvider.Sqlite);

public sealed class PostgresReRankTests() : ReRankTests(StorageProvider.PostgreSQL);
