using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.SelfReviews;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Rankings;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Rankings;

/// <summary>"phiếu giấy" through the real pipeline in local mode, in the office cell's meeting chat with its ballot open.</summary>
public abstract class PaperTallyTests(StorageProvider provider) : IAsyncLifetime
{
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
    public async Task PaperTally_SecretaryEntersABatch_ItCountsAsPaperAndAddsToTheResult()
    {
        var meeting = await Scene.World.OpenGroupAsync(DecisionScene.Huong);
        var opened = await Scene.OpenCellBallotAsync(DemoOrganisation.OfficeCellCode, DecisionScene.Huong, meeting.Chat);
        var nam = (await Scene.MemberAsync(DecisionScene.Nam)).Id;
        var form = await meeting.SayForCardAsync("phiếu giấy");

        var recorded = await meeting.AnswerAsync(form,
            (PaperTallyCard.BallotsInputId, "2"),
            (PaperTallyCard.InputId(nam, PaperTallyFlow.LevelValue(RankingLevel.ExcellentCompletion)), "1"),
            (PaperTallyCard.InputId(nam, PaperTallyFlow.LevelValue(RankingLevel.GoodCompletion)), "1"));

        Assert.True(form.Says("Nhập phiếu giấy"));
        Assert.True(form.Says("Hoàng Văn Nam"));
        Assert.All(opened.Ballot.Subjects, subject => Assert.True(form.Says(subject.Name)));
        Assert.True(recorded.Says("2 phiếu giấy của Chi bộ Văn phòng Sở đã được cộng vào kết quả (tổng số phiếu giấy: 2)."));
        Assert.DoesNotContain("HTXSNV", recorded.Json, StringComparison.Ordinal);
        var ballot = (await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().GetAsync(opened.Ballot.BallotId, CancellationToken.None)))!;
        Assert.Equal(2, ballot.PaperBallots);
        Assert.Equal(0, ballot.Cast);
        var result = await Scene.CloseAsync(opened.Ballot.BallotId, DecisionScene.Huong);
        var namResult = result.Subjects.Single(s => s.SubjectId == nam);
        Assert.Equal(1, namResult.Votes[RankingLevel.ExcellentCompletion]);
        Assert.Equal(1, namResult.Votes[RankingLevel.GoodCompletion]);
    }

    [Fact]
    public async Task PaperTally_MoreVotesThanBallots_IsRefusedInPlaceAndNothingIsCounted()
    {
        var meeting = await Scene.World.OpenGroupAsync(DecisionScene.Huong);
        var opened = await Scene.OpenCellBallotAsync(DemoOrganisation.OfficeCellCode, DecisionScene.Huong, meeting.Chat);
        var nam = (await Scene.MemberAsync(DecisionScene.Nam)).Id;
        var form = await meeting.SayForCardAsync("phiếu giấy");

        var refused = await meeting.RefusedAsync(form,
            (PaperTallyCard.BallotsInputId, "1"),
            (PaperTallyCard.InputId(nam, PaperTallyFlow.LevelValue(RankingLevel.GoodCompletion)), "2"));

        Assert.True(refused.Says("Hoàng Văn Nam: tổng số phiếu (2) nhiều hơn số phiếu giấy (1)."));
        Assert.Equal("1", refused.ValueOf(PaperTallyCard.BallotsInputId));
        var ballot = (await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().GetAsync(opened.Ballot.BallotId, CancellationToken.None)))!;
        Assert.Equal(0, ballot.PaperBallots);
    }

    [Fact]
    public async Task PaperTally_MorePaperBallotsThanVoters_IsRefusedWithTheCountsReason()
    {
        var meeting = await Scene.World.OpenGroupAsync(DecisionScene.Huong);
        var opened = await Scene.OpenCellBallotAsync(DemoOrganisation.OfficeCellCode, DecisionScene.Huong, meeting.Chat);
        var form = await meeting.SayForCardAsync("phiếu giấy");

        var refused = await meeting.RefusedAsync(form, (PaperTallyCard.BallotsInputId, "50"));

        Assert.True(refused.Says($"Tổng số phiếu (50) sẽ vượt số đảng viên được bỏ phiếu ({opened.Ballot.EligibleVoters})."));
        Assert.Equal("50", refused.ValueOf(PaperTallyCard.BallotsInputId));
        var ballot = (await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().GetAsync(opened.Ballot.BallotId, CancellationToken.None)))!;
        Assert.Equal(0, ballot.PaperBallots);
    }

    [Fact]
    public async Task PaperTally_MemberOfAnotherCell_IsRefused()
    {
        var meeting = await Scene.World.OpenGroupAsync(DecisionScene.Huong);
        await Scene.OpenCellBallotAsync(DemoOrganisation.OfficeCellCode, DecisionScene.Huong, meeting.Chat);
        var other = new ReviewSession(host, meeting.Chat with { Email = DecisionScene.Tuan, Name = "Lê Minh Tuấn" });

        var reply = await other.SayAsync("phiếu giấy");

        Assert.Equal("Chỉ Bí thư hoặc Phó Bí thư được nhập phiếu giấy.", reply.Activity.Text);
    }

    [Fact]
    public async Task PaperTally_NoBallotOpen_SaysSo()
    {
        var meeting = await Scene.World.OpenGroupAsync(DecisionScene.Huong);

        var reply = await meeting.SayAsync("phiếu giấy");

        Assert.Equal("Không có phiếu nào đang mở trong nhóm chat này.", reply.Activity.Text);
    }
}

public sealed class SqlitePaperTallyTests() : PaperTallyTests(StorageProvider.Sqlite);

public sealed class PostgresPaperTallyTests() : PaperTallyTests(StorageProvider.PostgreSQL);
