using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Secretary;
using KiemDiemBot.Dialogs.SelfReviews;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Secretary;

/// <summary>"mở đợt kiểm điểm" through the whole pipeline, as an administrator, a committee secretary and a plain member would use it.</summary>
public abstract class OpenCycleTests(StorageProvider provider) : IAsyncLifetime
{
    private MigratedStorage? storage;

    public async Task InitializeAsync() =>
        storage = provider == StorageProvider.PostgreSQL ? await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(BotApplicationFactory.Start)) : null;

    public async Task DisposeAsync()
    {
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }
    }

    private Task<SecretaryHost> StartAsync() => SecretaryHost.StartAsync(provider, storage?.ConnectionString);

    private static readonly Dictionary<string, string> Year2027 = new()
    {
        [OpenCycleCard.YearInput] = "2027",
        [OpenCycleCard.RuleSetInput] = "HD21-2022",
        [OpenCycleFlow.DeadlineInput(DeadlineKind.CellReview)] = "2027-11-28",
        [OpenCycleFlow.DeadlineInput(DeadlineKind.SubCommitteeReview)] = "2027-12-05",
        [OpenCycleFlow.DeadlineInput(DeadlineKind.GrassrootsCommitteeReview)] = "2027-12-10",
        [OpenCycleFlow.DeadlineInput(DeadlineKind.ReportsUp)] = "2027-12-15",
        [OpenCycleFlow.DeadlineInput(DeadlineKind.CadreDossiers)] = "2027-12-25",
    };

    [Fact]
    public async Task OpenCycle_AdminSubmitsTheForm_CycleOpensAndOnlyReachableMembersAreToldOnce()
    {
        await using var host = await StartAsync();
        var admin = await host.AdminAsync();
        var reachable = new[]
        {
            await host.ReachableAsync(DemoPeople.Huong),
            await host.ReachableAsync(DemoPeople.Tuan),
            await host.ReachableAsync(DemoPeople.Mai),
        };
        await host.ReachableAsync(DemoPeople.Nam, blocked: true);

        var form = await host.SayAsync(admin, "Mở đợt kiểm điểm");
        await host.PressAsync(admin, form, "Mở đợt kiểm điểm", Year2027, replies: 0);
        // The summary replacing the form, the report, and the news to four members (the admin among them).
        var sent = await host.ReceiveProactiveAsync(6);
        var report = sent.Single(s => SecretaryHost.CardText(s).Contains("Đã mở đợt kiểm điểm năm 2027", StringComparison.Ordinal));
        var news = sent.Where(s => SecretaryHost.CardText(s).Contains("Bắt đầu kiểm điểm năm 2027", StringComparison.Ordinal)).ToList();

        Assert.Contains("Thời hạn (hoàn thành trước ngày)", SecretaryHost.CardText(form), StringComparison.Ordinal);
        Assert.Equal("2026", (string?)SecretaryHost.Inputs(form).Single(i => (string?)i["id"] == OpenCycleCard.YearInput)["value"]?.ToString());
        Assert.Equal("2026-12-01", (string?)SecretaryHost.Inputs(form).Single(i => (string?)i["id"] == OpenCycleFlow.DeadlineInput(DeadlineKind.CellReview))["value"]);
        Assert.Equal(6, sent.Count);
        Assert.Equal(form.SentId, sent.Single(s => s.UpdatedActivityId is not null).UpdatedActivityId);
        Assert.Equal(admin.ConversationId, report.ConversationId);
        var reportText = SecretaryHost.CardText(report);
        // Fifteen demo members less one exempt from activities, and the administrator: four reachable (the admin wrote), eleven not.
        Assert.Contains("Đã gửi thông báo tới 4 đảng viên.", reportText, StringComparison.Ordinal);
        Assert.Contains("11 đảng viên chưa nhận được thông báo", reportText, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Nam", reportText, StringComparison.Ordinal);
        Assert.Equal(
            reachable.Select(s => s.ConversationId).Append(admin.ConversationId).Order(StringComparer.Ordinal),
            news.Select(n => n.ConversationId).Order(StringComparer.Ordinal));
        Assert.All(news, n =>
        {
            Assert.Contains("Bắt đầu kiểm điểm năm 2027", SecretaryHost.CardText(n), StringComparison.Ordinal);
            Assert.Contains("28/11/2027", SecretaryHost.CardText(n), StringComparison.Ordinal);
            Assert.Equal(CardVerbs.StartSelfReview, (string?)SecretaryHost.SubmitAction(n, "Tự kiểm điểm")["data"]![CardDataKeys.Verb]);
        });
        var cycle = await host.InScopeAsync(s => s.GetRequiredService<IReviewCycleService>().FindByYearAsync(2027, CancellationToken.None));
        Assert.NotNull(cycle?.OpenedAt);
        Assert.Equal(new DateOnly(2027, 11, 28), cycle!.Deadlines[DeadlineKind.CellReview]);
    }

    [Fact]
    public async Task OpenCycle_OpenedAgain_NobodyIsToldTwice()
    {
        await using var host = await StartAsync();
        var admin = await host.AdminAsync();
        await host.ReachableAsync(DemoPeople.Huong);
        var first = await host.SayAsync(admin, "mở đợt kiểm điểm");
        await host.PressAsync(admin, first, "Mở đợt kiểm điểm", Year2027, replies: 0);
        Assert.Equal(4, (await host.ReceiveProactiveAsync(4)).Count);

        var second = await host.SayAsync(admin, "mở đợt kiểm điểm");
        var replies = await host.PressAsync(admin, second, "Mở đợt kiểm điểm", Year2027, replies: 2);

        var report = SecretaryHost.CardText(replies.Single(r => r.UpdatedActivityId is null));
        Assert.Contains("Đã gửi thông báo tới 0 đảng viên.", report, StringComparison.Ordinal);
        Assert.Contains("2 đảng viên đã nhận thông báo từ lần mở trước nên không gửi lại.", report, StringComparison.Ordinal);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task OpenCycle_MemberPressesTuKiemDiemOnTheNews_TheirSelfReviewStartsInTheNewCycle()
    {
        await using var host = await StartAsync();
        var admin = await host.AdminAsync();
        var huong = await host.ReachableAsync(DemoPeople.Huong);
        var form = await host.SayAsync(admin, "mở đợt kiểm điểm");
        await host.PressAsync(admin, form, "Mở đợt kiểm điểm", Year2027, replies: 0);
        var news = (await host.ReceiveProactiveAsync(4)).Single(s => s.ConversationId == huong.ConversationId);

        var started = Assert.Single(await host.PressAsync(huong, news, "Tự kiểm điểm"));

        var stamp = (System.Text.Json.Nodes.JsonObject)SecretaryHost.SubmitActions(started).First()["data"]!;
        Assert.Equal(SelfReviewFlow.FlowName, (string?)stamp[CardDataKeys.Flow]);
        var cycle = await host.InScopeAsync(s => s.GetRequiredService<IReviewCycleService>().FindByYearAsync(2027, CancellationToken.None));
        Assert.Equal(cycle!.Id.ToString(), (string?)stamp[CardDataKeys.Cycle]);
    }

    [Fact]
    public async Task OpenCycle_PlainMember_IsRefusedAndNoCycleOpens()
    {
        await using var host = await StartAsync();
        var member = SecretaryHost.PlainMember();

        var reply = await host.SayAsync(member, "mở đợt kiểm điểm");

        Assert.Equal("Chỉ quản trị viên, hoặc bí thư cấp ủy có tổ chức đảng trực thuộc, mới mở được đợt kiểm điểm.", reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
        Assert.Null(await host.InScopeAsync(s => s.GetRequiredService<IReviewCycleService>().FindByYearAsync(2027, CancellationToken.None)));
    }

    [Fact]
    public async Task OpenCycle_CellSecretary_IsRefusedButTheGrassrootsSecretaryGetsTheFormForTheirOrganisation()
    {
        await using var host = await StartAsync();
        var cellSecretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var grassrootsSecretary = await host.DemoMemberAsync(DemoPeople.Hung);

        var refused = await host.SayAsync(cellSecretary, "mở đợt kiểm điểm");
        var form = await host.SayAsync(grassrootsSecretary, "mở đợt kiểm điểm");

        Assert.Null(refused.Activity.Attachments);
        Assert.Contains("đảng viên thuộc Đảng bộ Sở Thông tin và Truyền thông đã trò chuyện với bot", SecretaryHost.CardText(form), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenCycle_YearOutOfRangeAndADeadlineCleared_FormComesBackFilledWithBothErrors()
    {
        await using var host = await StartAsync();
        var admin = await host.AdminAsync();
        var form = await host.SayAsync(admin, "mở đợt kiểm điểm");

        var typed = new Dictionary<string, string>(Year2027)
        {
            [OpenCycleCard.YearInput] = "1990",
            [OpenCycleFlow.DeadlineInput(DeadlineKind.ReportsUp)] = "",
        };
        var again = Assert.Single(await host.PressAsync(admin, form, "Mở đợt kiểm điểm", typed));

        Assert.Equal(form.SentId, again.UpdatedActivityId);
        var text = SecretaryHost.CardText(again);
        Assert.Contains("Năm kiểm điểm phải là một năm từ 2025 đến 2027.", text, StringComparison.Ordinal);
        Assert.Contains("Chưa điền ngày cho thời hạn “Gửi", text, StringComparison.Ordinal);
        Assert.Equal("2027-11-28", (string?)SecretaryHost.Inputs(again).Single(i => (string?)i["id"] == OpenCycleFlow.DeadlineInput(DeadlineKind.CellReview))["value"]);
        Assert.Null(await host.InScopeAsync(s => s.GetRequiredService<IReviewCycleService>().FindByYearAsync(1990, CancellationToken.None)));
        Assert.True(await host.StaysQuietAsync());
    }
}

public sealed class SqliteOpenCycleTests() : OpenCycleTests(StorageProvider.Sqlite);

public sealed class PostgresOpenCycleTests() : OpenCycleTests(StorageProvider.PostgreSQL);
