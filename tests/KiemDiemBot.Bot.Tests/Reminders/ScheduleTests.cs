using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Reminders;

/// <summary>
/// "lịch nhắc" and its pause list through the whole pipeline, in the demo organisation's office cell, whose meeting
/// the demo sets three working days ahead: Thursday 05/03/2026 at 08:00 (the clock starts on Monday 02/03/2026 at 08:00).
/// </summary>
public abstract class ScheduleTests(StorageProvider provider) : IAsyncLifetime
{
    private const string NotAllowed = "Chỉ bí thư, phó bí thư chi bộ (hoặc quản trị viên) mới xem và điều chỉnh được lịch nhắc của chi bộ.";

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

    private Task<SecretaryHost> StartAsync() => ScheduleHost.StartAsync(provider, storage?.ConnectionString);

    [Fact]
    public async Task Schedule_MeetingOnThursday_ShowsTheComingRemindersAndCirculationWithWeekdayDates()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);

        var card = await host.SayAsync(secretary, "lịch nhắc");

        var text = SecretaryHost.CardText(card);
        Assert.Contains("Lịch nhắc tự động năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Chi bộ Văn phòng Sở", text, StringComparison.Ordinal);
        // One working day before Thursday's meeting is the Wednesday; three working days before is today, Monday.
        Assert.Contains("**Thứ Tư, 04/03/2026** · 08:00", text, StringComparison.Ordinal);
        Assert.Contains("Nhắc đảng viên chưa nộp bản tự kiểm điểm (1 ngày làm việc trước buổi họp Thứ Năm, 05/03/2026)", text, StringComparison.Ordinal);
        Assert.Contains("**Thứ Hai, 02/03/2026** · 08:00", text, StringComparison.Ordinal);
        Assert.Contains("Gửi dự thảo báo cáo kiểm điểm tập thể tới người dự họp (3 ngày làm việc trước buổi họp Thứ Năm, 05/03/2026)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã gửi", text, StringComparison.Ordinal);
        Assert.Contains("Chưa tạm dừng nhắc đồng chí nào.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_MeetingMovedToAMonday_OffsetOneIsTheFridayBeforeAndTheOldDatesAreGone()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var huong = await DemoPeople.FindAsync(host.Services, DemoPeople.Huong);
        var card = await host.SayAsync(secretary, "lịch nhắc");

        await ScheduleHost.MoveOfficeMeetingAsync(host, new DateOnly(2026, 3, 16), huong.Id);
        var moved = Assert.Single(await host.PressAsync(secretary, card, "Làm mới"));

        Assert.Equal(card.SentId, moved.UpdatedActivityId);
        var text = SecretaryHost.CardText(moved);
        Assert.Contains("**Thứ Sáu, 13/03/2026** · 08:00", text, StringComparison.Ordinal);
        Assert.Contains("Nhắc đảng viên chưa nộp bản tự kiểm điểm (1 ngày làm việc trước buổi họp Thứ Hai, 16/03/2026)", text, StringComparison.Ordinal);
        Assert.Contains("**Thứ Hai, 09/03/2026** · 08:00", text, StringComparison.Ordinal);
        Assert.Contains("Nhắc đảng viên chưa nộp bản tự kiểm điểm (5 ngày làm việc trước buổi họp Thứ Hai, 16/03/2026)", text, StringComparison.Ordinal);
        Assert.Contains("Gửi dự thảo báo cáo kiểm điểm tập thể tới người dự họp (3 ngày làm việc trước buổi họp Thứ Hai, 16/03/2026)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("04/03/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("05/03/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_TodaysOccasionsRun_AreMarkedSent()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var (_, cellId) = await ScheduleHost.OfficeAsync(host);
        var due = await host.InScopeAsync(s => s.GetRequiredService<IReminderPlanner>().DueAsync(host.Bot.Factory.Clock.GetUtcNow(), CancellationToken.None));
        var today = due.Where(o => o.OrganisationId == cellId).ToList();
        await host.InScopeAsync(async s =>
        {
            var planner = s.GetRequiredService<IReminderPlanner>();
            foreach (var occasion in today)
            {
                planner.MarkRun(occasion, 0);
            }
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return true;
        });

        var card = await host.SayAsync(secretary, "lịch nhắc");

        Assert.NotEmpty(today);
        var text = SecretaryHost.CardText(card);
        Assert.Contains("**Thứ Hai, 02/03/2026** · 08:00 · Đã gửi", text, StringComparison.Ordinal);
        Assert.Contains("**Thứ Tư, 04/03/2026** · 08:00\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavePauses_MemberTickedThenUnticked_IsPausedAndLeftOutOfTheRemindersThenRemindedAgain()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var trang = await DemoPeople.FindAsync(host.Services, DemoPeople.Trang);
        var (cycleId, cellId) = await ScheduleHost.OfficeAsync(host);
        var card = await host.SayAsync(secretary, "lịch nhắc");
        Assert.Contains(await ScheduleHost.MembersToRemindAsync(host, cycleId, cellId), r => r.MemberId == trang.Id);

        var paused = Assert.Single(await host.PressAsync(secretary, card, "Lưu",
            new Dictionary<string, string> { [CardDataKeys.PausedMembers] = trang.Id.ToString() }));
        var remindedWhilePaused = await ScheduleHost.MembersToRemindAsync(host, cycleId, cellId);
        var resumed = Assert.Single(await host.PressAsync(secretary, paused, "Lưu",
            new Dictionary<string, string> { [CardDataKeys.PausedMembers] = "" }));
        var remindedAfter = await ScheduleHost.MembersToRemindAsync(host, cycleId, cellId);

        Assert.Equal(card.SentId, paused.UpdatedActivityId);
        var pausedText = SecretaryHost.CardText(paused);
        Assert.Contains($"Đã tạm dừng nhắc: {trang.FullName}.", pausedText, StringComparison.Ordinal);
        Assert.Contains($"Đang tạm dừng nhắc: {trang.FullName}.", pausedText, StringComparison.Ordinal);
        Assert.Equal(trang.Id.ToString(), (string?)SecretaryHost.Inputs(paused).Single(i => (string?)i["id"] == CardDataKeys.PausedMembers)["value"]);
        Assert.DoesNotContain(remindedWhilePaused, r => r.MemberId == trang.Id);
        Assert.NotEmpty(remindedWhilePaused);
        var resumedText = SecretaryHost.CardText(resumed);
        Assert.Contains($"Đã bật lại lời nhắc cho: {trang.FullName}.", resumedText, StringComparison.Ordinal);
        Assert.Contains("Chưa tạm dừng nhắc đồng chí nào.", resumedText, StringComparison.Ordinal);
        Assert.Contains(remindedAfter, r => r.MemberId == trang.Id);
        var huong = await DemoPeople.FindAsync(host.Services, DemoPeople.Huong);
        var audit = await host.InScopeAsync(s => s.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Member, trang.Id, CancellationToken.None));
        Assert.Equal(
            new[] { "true", "false" },
            audit.Where(a => a.Field == AuditFields.ReminderPaused).OrderBy(a => a.Id).Select(a => a.To));
        Assert.All(audit.Where(a => a.Field == AuditFields.ReminderPaused), a => Assert.Equal(huong.Id.ToString(), a.Actor));
    }

    [Fact]
    public async Task Tick_MemberPaused_IsNotRemindedWhileTheOthersAreAndTheListOfUnreachableGoesOnce()
    {
        await using var host = await StartAsync();
        var secretary = await host.ReachableAsync(DemoPeople.Huong);
        var nam = await host.ReachableAsync(DemoPeople.Nam);
        var trangChat = await host.ReachableAsync(DemoPeople.Trang);
        var trang = await DemoPeople.FindAsync(host.Services, DemoPeople.Trang);
        var card = await host.SayAsync(secretary, "lịch nhắc");
        await host.PressAsync(secretary, card, "Lưu", new Dictionary<string, string> { [CardDataKeys.PausedMembers] = trang.Id.ToString() });

        // Monday 02/03 at 08:00: three working days before Thursday's meeting, the second reminder day.
        var first = await host.InScopeAsync(s => s.GetRequiredService<ReminderTickJob>().TickAsync(CancellationToken.None));
        var sent = await host.ReceiveProactiveAsync(20);
        host.Bot.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await host.InScopeAsync(s => s.GetRequiredService<ReminderTickJob>().TickAsync(CancellationToken.None));

        Assert.True(first.StagedFor(OccasionKind.MemberReminder) > 0);
        // Paused from reminders only: other messages (the draft before the meeting) still reach her.
        Assert.DoesNotContain(sent, m => m.ConversationId == trangChat.ConversationId
            && SecretaryHost.CardText(m).Contains("Nhắc viết bản tự kiểm điểm", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.ConversationId == nam.ConversationId && SecretaryHost.CardText(m).Contains("Nhắc viết bản tự kiểm điểm", StringComparison.Ordinal));
        var lists = sent.Where(m => m.ConversationId == secretary.ConversationId
            && SecretaryHost.CardText(m).Contains("Đảng viên chưa nhận được tin nhắn của bot", StringComparison.Ordinal)).ToList();
        Assert.Single(lists);
        Assert.Equal(0, second.Staged);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task SavePauses_NothingChanged_SaysSoAndKeepsThePause()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var long_ = await DemoPeople.FindAsync(host.Services, DemoPeople.Long);
        var card = await host.SayAsync(secretary, "lịch nhắc");
        var paused = Assert.Single(await host.PressAsync(secretary, card, "Lưu",
            new Dictionary<string, string> { [CardDataKeys.PausedMembers] = long_.Id.ToString() }));

        var again = Assert.Single(await host.PressAsync(secretary, paused, "Lưu",
            new Dictionary<string, string> { [CardDataKeys.PausedMembers] = long_.Id.ToString() }));

        var text = SecretaryHost.CardText(again);
        Assert.Contains("Không có thay đổi: danh sách tạm dừng nhắc vẫn như cũ.", text, StringComparison.Ordinal);
        Assert.Contains($"Đang tạm dừng nhắc: {long_.FullName}.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_PlainMember_IsRefused()
    {
        await using var host = await StartAsync();
        var member = await host.DemoMemberAsync(DemoPeople.Trang);

        var reply = await host.SayAsync(member, "lịch nhắc");

        Assert.Equal(NotAllowed, reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
    }

    [Fact]
    public async Task SavePauses_PlainMemberPressesAForwardedCard_IsRefusedAndNobodyIsPaused()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);
        var trang = await DemoPeople.FindAsync(host.Services, DemoPeople.Trang);
        var (cycleId, cellId) = await ScheduleHost.OfficeAsync(host);
        var card = await host.SayAsync(secretary, "lịch nhắc");
        var member = await host.DemoMemberAsync(DemoPeople.Long);
        await host.SayAsync(member, "trợ giúp");

        var reply = Assert.Single(await host.PressAsync(member, card, "Lưu",
            new Dictionary<string, string> { [CardDataKeys.PausedMembers] = trang.Id.ToString() }));

        Assert.Equal(NotAllowed, reply.Activity.Text);
        Assert.Contains(await ScheduleHost.MembersToRemindAsync(host, cycleId, cellId), r => r.MemberId == trang.Id);
    }

    [Fact]
    public async Task Schedule_DeputyInTheCellsMeetingChat_SeesItAndInAnotherCellsChatIsRefused()
    {
        await using var host = await StartAsync();
        var deputy = await host.GroupChatAsync(DemoPeople.Nam);

        var own = await host.SayInGroupAsync(deputy, "Chi bộ Văn phòng Sở – họp kiểm điểm", "lịch nhắc");
        var other = await host.SayInGroupAsync(deputy with { ConversationId = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2" },
            "Chi bộ Phòng Công nghệ thông tin – họp kiểm điểm", "lịch nhắc");

        Assert.Contains("**Thứ Tư, 04/03/2026** · 08:00", SecretaryHost.CardText(own), StringComparison.Ordinal);
        Assert.Equal(
            "Nhóm chat này là nhóm họp của Chi bộ Phòng Công nghệ thông tin; đồng chí chỉ xem được lịch nhắc của chi bộ mình phụ trách. "
            + "Hãy gõ “lịch nhắc” trong chat riêng với bot hoặc trong nhóm họp của chi bộ mình.",
            other.Activity.Text);
    }

    [Fact]
    public async Task Schedule_AdministratorPicksACell_SeesThatCellsSchedule()
    {
        await using var host = await StartAsync();
        var admin = await host.AdminAsync();
        var (_, cellId) = await ScheduleHost.OfficeAsync(host);

        var choice = await host.SayAsync(admin, "lịch nhắc");
        var schedule = Assert.Single(await host.PressAsync(admin, choice, "Xem lịch nhắc",
            new Dictionary<string, string> { [CardDataKeys.Cell] = cellId.ToString() }));

        Assert.Contains(SecretaryHost.Inputs(choice), i => (string?)i["id"] == CardDataKeys.Cell);
        var text = SecretaryHost.CardText(schedule);
        Assert.Contains("Chi bộ Văn phòng Sở", text, StringComparison.Ordinal);
        Assert.Contains("**Thứ Tư, 04/03/2026** · 08:00", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteScheduleTests() : ScheduleTests(StorageProvider.Sqlite);

public sealed class PostgresScheduleTests() : ScheduleTests(StorageProvider.PostgreSQL);
