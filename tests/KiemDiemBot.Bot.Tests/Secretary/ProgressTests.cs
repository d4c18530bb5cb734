using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.SelfReviews;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Secretary;

/// <summary>"tiến độ" and its buttons through the whole pipeline, in the demo organisation's office cell.</summary>
public abstract class ProgressTests(StorageProvider provider) : IAsyncLifetime
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

    private const string OfficeMeetingChat = "Chi bộ Văn phòng Sở – họp kiểm điểm";
    private const string TechnologyMeetingChat = "Chi bộ Phòng Công nghệ thông tin – họp kiểm điểm";

    [Fact]
    public async Task Progress_MemberSavesThenSubmits_TheRefreshedCardShowsInProgressThenSubmitted()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var tam = await host.EnrolAsync(TestScene.Personal(), "Lê Văn Tám");

        var card = await host.SayAsync(secretary, "tiến độ");
        await SelfReviewSteps.SaveDraftAsync(host.Services, tam);
        var saved = Assert.Single(await host.PressAsync(secretary, card, "Làm mới"));
        await SelfReviewSteps.SubmitAsync(host.Services, tam);
        var submitted = Assert.Single(await host.PressAsync(secretary, saved, "Làm mới"));

        var text = SecretaryHost.CardText(card);
        Assert.Contains("Tiến độ kiểm điểm năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Chi bộ Văn phòng Sở", text, StringComparison.Ordinal);
        Assert.Contains("Lê Văn Tám** · Chưa bắt đầu", text, StringComparison.Ordinal);
        Assert.Contains("Đặng Văn Thành** · Không kiểm điểm", text, StringComparison.Ordinal);
        Assert.Equal(card.SentId, saved.UpdatedActivityId);
        Assert.Contains("Lê Văn Tám** · Đang viết", SecretaryHost.CardText(saved), StringComparison.Ordinal);
        Assert.Contains("Lê Văn Tám** · Đã nộp", SecretaryHost.CardText(submitted), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretaryHost.SubmitActions(submitted), a => (string?)a["data"]![CardDataKeys.MemberId] == tam.ToString() && (string?)a["title"] == "Nhập hộ");
    }

    [Fact]
    public async Task Progress_ResidenceCommentMarkedReceived_TheCardChangesInPlaceAndTheMarkIsKept()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var nam = await DemoPeople.FindAsync(host.Services, DemoPeople.Nam);
        var card = await host.SayAsync(secretary, "tiến độ");

        var marked = Assert.Single(await host.PressForAsync(secretary, card, "Đã nhận 3-213", nam.Id));

        Assert.Equal(card.SentId, marked.UpdatedActivityId);
        var text = SecretaryHost.CardText(marked);
        Assert.Contains("Đã ghi nhận: Mẫu 3-213 (nhận xét nơi cư trú) của đồng chí Hoàng Văn Nam đã nhận.", text, StringComparison.Ordinal);
        Assert.Contains(SecretaryHost.SubmitActions(marked), a => (string?)a["title"] == "Bỏ nhận 3-213" && (string?)a["data"]![CardDataKeys.MemberId] == nam.Id.ToString());
        var huong = await DemoPeople.FindAsync(host.Services, DemoPeople.Huong);
        var (progress, audit) = await host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            var view = await s.GetRequiredService<IReviewProgressService>().GetCellProgressAsync(
                (await s.GetRequiredService<KiemDiemBot.Core.Roster.IRosterDirectory>().ListCellsAsync(CancellationToken.None)).Single(c => c.Name == "Chi bộ Văn phòng Sở").Id,
                cycle!.Id, CancellationToken.None);
            return (view, await s.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Member, nam.Id, CancellationToken.None));
        });
        Assert.True(progress.Members.Single(m => m.MemberId == nam.Id).ResidenceCommentReceived);
        Assert.Equal(huong.Id.ToString(), Assert.Single(audit, a => a.Field == AuditFields.MemberComment(ReviewCommentKind.Residence)).Actor);
    }

    [Fact]
    public async Task Progress_NhapHo_StartsTheProxyEntryOfThatMembersReview()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var nam = await DemoPeople.FindAsync(host.Services, DemoPeople.Nam);
        var card = await host.SayAsync(secretary, "tiến độ");

        var entry = Assert.Single(await host.PressForAsync(secretary, card, "Nhập hộ", nam.Id));

        Assert.Contains("Hoàng Văn Nam", SecretaryHost.CardText(entry), StringComparison.Ordinal);
        Assert.Equal(SelfReviewProxyFlow.ProxyFlowName, (string?)SecretaryHost.SubmitActions(entry).First()["data"]![CardDataKeys.Flow]);
    }

    [Fact]
    public async Task RemindNow_SomeDoneSomeUnreachable_OnlyReachableMembersNotDoneAreRemindedOnceADay()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var nam = await host.ReachableAsync(DemoPeople.Nam);
        var trang = await host.ReachableAsync(DemoPeople.Trang);
        await SelfReviewSteps.SaveDraftAsync(host.Services, (await DemoPeople.FindAsync(host.Services, DemoPeople.Trang)).Id);
        var tamScene = TestScene.Personal();
        var tam = await host.EnrolAsync(tamScene, "Lê Văn Tám");
        await host.SayAsync(tamScene, "trợ giúp");
        await SelfReviewSteps.SubmitAsync(host.Services, tam);
        await host.ReachableAsync(DemoPeople.Long, blocked: true);
        var card = await host.SayAsync(secretary, "tiến độ");

        await host.PressAsync(secretary, card, "Nhắc ngay", replies: 0);
        // The report, and a reminder to each reachable member not done: the secretary herself, Nam and Trang.
        var sent = await host.ReceiveProactiveAsync(4);
        var report = sent.Single(s => s.Activity.Attachments is null);
        var reminders = sent.Where(s => s.Activity.Attachments is not null).ToList();

        Assert.Equal(4, sent.Count);
        Assert.Equal(
            new[] { secretary.ConversationId, nam.ConversationId, trang.ConversationId }.Order(StringComparer.Ordinal),
            reminders.Select(r => r.ConversationId).Order(StringComparer.Ordinal));
        Assert.All(reminders, r =>
        {
            var text = SecretaryHost.CardText(r);
            Assert.Contains("Nhắc viết bản tự kiểm điểm năm 2026", text, StringComparison.Ordinal);
            Assert.Contains("Đồng chí Phạm Thị Hương nhắc", text, StringComparison.Ordinal);
            Assert.Contains("Chi bộ họp kiểm điểm lúc 08:00 ngày 05/03/2026.", text, StringComparison.Ordinal);
            Assert.Equal(CardVerbs.StartSelfReview, (string?)SecretaryHost.SubmitAction(r, "Tiếp tục")["data"]![CardDataKeys.Verb]);
        });
        Assert.Equal(
            "Đã gửi lời nhắc tới 3 đồng chí chưa hoàn thành bản tự kiểm điểm.\n\n"
            + "Chưa liên lạc được qua bot (chưa từng trò chuyện với bot hoặc đã chặn bot), đồng chí hãy báo bằng cách khác: "
            + "Ngô Thị Bích Ngọc, Nguyễn Văn Hùng, Phan Văn Long.",
            report.Activity.Text);

        var again = Assert.Single(await host.PressAsync(secretary, card, "Nhắc ngay"));
        Assert.StartsWith("Đã gửi lời nhắc tới 0 đồng chí chưa hoàn thành bản tự kiểm điểm.\n\n3 đồng chí đã được nhắc hôm nay nên không nhắc lại.", again.Activity.Text, StringComparison.Ordinal);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task Progress_PlainMember_IsRefused()
    {
        await using var host = await StartAsync();
        var member = SecretaryHost.PlainMember();

        var reply = await host.SayAsync(member, "tiến độ");

        Assert.Equal("Chỉ bí thư, phó bí thư chi bộ mới xem được tiến độ kiểm điểm của chi bộ.", reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
    }

    [Fact]
    public async Task Progress_PlainMemberPressesTheSecretarysButtonInTheMeetingChat_IsRefusedAndNothingIsMarked()
    {
        await using var host = await StartAsync();
        var secretary = await host.GroupChatAsync(DemoPeople.Huong);
        var nam = await DemoPeople.FindAsync(host.Services, DemoPeople.Nam);
        var card = await host.SayInGroupAsync(secretary, OfficeMeetingChat, "tiến độ");
        var member = secretary with
        {
            UserId = "29:1" + Guid.NewGuid().ToString("N"),
            UserAadObjectId = (await host.DemoMemberAsync(DemoPeople.Long)).UserAadObjectId,
        };

        var reply = Assert.Single(await host.PressForAsync(member, card, "Đã nhận 3-213", nam.Id));

        Assert.Equal("Chỉ bí thư, phó bí thư chi bộ mới xem được tiến độ kiểm điểm của chi bộ.", reply.Activity.Text);
        var audit = await host.InScopeAsync(s => s.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Member, nam.Id, CancellationToken.None));
        Assert.DoesNotContain(audit, a => a.Field == AuditFields.MemberComment(ReviewCommentKind.Residence));
    }

    [Fact]
    public async Task Progress_InTheCellsMeetingChat_ShowsTheCellAndInAnotherCellsChatIsRefused()
    {
        await using var host = await StartAsync();
        var deputy = await host.GroupChatAsync(DemoPeople.Nam);

        var own = await host.SayInGroupAsync(deputy, OfficeMeetingChat, "tiến độ");
        var other = await host.SayInGroupAsync(deputy with { ConversationId = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2" }, TechnologyMeetingChat, "tiến độ");

        Assert.Contains("Hoàng Văn Nam** · Chưa bắt đầu", SecretaryHost.CardText(own), StringComparison.Ordinal);
        Assert.StartsWith("Nhóm chat này là nhóm họp của Chi bộ Phòng Công nghệ thông tin;", other.Activity.Text, StringComparison.Ordinal);
        Assert.Null(other.Activity.Attachments);
    }
}

public sealed class SqliteProgressTests() : ProgressTests(StorageProvider.Sqlite);

public sealed class PostgresProgressTests() : ProgressTests(StorageProvider.PostgreSQL);
