using Hangfire;
using Hangfire.Storage;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Reminders;

/// <summary>
/// The reminders as members and secretaries receive them in their personal chats, through the real host: the tick
/// run minute by minute on a fake clock, the messages sent through the outbox to the Connector double.
/// </summary>
public sealed class ReminderTickTests
{
    private const string ReminderTitle = "Nhắc viết bản tự kiểm điểm năm 2026";
    private const string ProgressTitle = "Tiến độ kiểm điểm năm 2026";

    private static List<SentActivity> Reminders(IEnumerable<SentActivity> received) =>
        [.. received.Where(r => SecretaryHost.CardText(r).Contains(ReminderTitle, StringComparison.Ordinal))];

    [Fact]
    public async Task Start_TickRegisteredEveryMinuteInVietnamTime()
    {
        await using var scene = await ReminderScene.StartAsync();

        using var connection = scene.Host.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        var tick = Assert.Single(jobs, job => job.Id == ReminderTickJob.RecurringId);

        Assert.Equal(Cron.Minutely(), tick.Cron);
        Assert.Equal(VietnamTime.Zone.Id, tick.TimeZoneId);
        Assert.Equal(typeof(ReminderTickJob), tick.Job.Type);
        Assert.All(JobCatalogue.RecurringIds, id => Assert.Contains(jobs, job => job.Id == id));
    }

    [Fact]
    public async Task Tick_MembersNotDone_OneReminderOnEachOffsetDayAt0800AndNoneAfterSubmitting()
    {
        await using var scene = await ReminderScene.StartAsync();
        var trang = await scene.Host.ReachableAsync(DemoPeople.Trang);
        var (tam, tamId) = await scene.PlainReachableMemberAsync("Phạm Văn Tâm");

        var remindedOn = new Dictionary<DateOnly, int>();
        for (var day = new DateOnly(2026, 3, 3); day <= ReminderScene.MeetingDay; day = day.AddDays(1))
        {
            scene.SetLocalTime(day, new TimeOnly(7, 59));
            Assert.Equal(0, (await scene.TickAsync()).StagedFor(OccasionKind.MemberReminder));
            scene.SetLocalTime(day, new TimeOnly(8, 0));
            var staged = (await scene.TickAsync()).StagedFor(OccasionKind.MemberReminder);
            scene.SetLocalTime(day, new TimeOnly(8, 1));
            Assert.Equal(0, (await scene.TickAsync()).StagedFor(OccasionKind.MemberReminder));
            if (staged > 0)
            {
                remindedOn[day] = staged;
            }
            if (day == new DateOnly(2026, 3, 13))
            {
                await SelfReviewSteps.SubmitAsync(scene.Host.Services, tamId);
            }
        }

        Assert.Equal(
            new Dictionary<DateOnly, int> { [ReminderScene.OffsetDays[0]] = 2, [ReminderScene.OffsetDays[1]] = 1, [ReminderScene.OffsetDays[2]] = 1 },
            remindedOn);
        var received = Reminders(await scene.Host.ReceiveProactiveAsync(4));
        var toTrang = received.Where(r => r.ConversationId == trang.ConversationId).Select(SecretaryHost.CardText).ToList();
        Assert.Equal(3, toTrang.Count);
        Assert.All(toTrang, card => Assert.Contains(ReminderTitle, card, StringComparison.Ordinal));
        Assert.All(toTrang, card => Assert.Contains("Chi bộ họp kiểm điểm lúc 08:00 ngày 19/03/2026.", card, StringComparison.Ordinal));
        Assert.All(toTrang, card => Assert.Contains("Đồng chí chưa bắt đầu viết bản tự kiểm điểm.", card, StringComparison.Ordinal));
        Assert.Contains(toTrang, card => card.Contains("Còn 5 ngày làm việc đến cuộc họp.", StringComparison.Ordinal));
        Assert.Contains(toTrang, card => card.Contains("Còn 3 ngày làm việc đến cuộc họp.", StringComparison.Ordinal));
        Assert.Contains(toTrang, card => card.Contains("Còn 1 ngày làm việc đến cuộc họp.", StringComparison.Ordinal));
        Assert.Single(received, r => r.ConversationId == tam.ConversationId);
    }

    [Fact]
    public async Task Tick_HolidayOnAnOffsetDay_ReminderOnTheWorkingDayBeforeInstead()
    {
        await using var scene = await ReminderScene.StartAsync();
        var trang = await scene.Host.ReachableAsync(DemoPeople.Trang);
        await scene.Host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IReviewCycleService>().SetCalendarOverridesAsync(
                scene.CycleId, [new CalendarOverride(new DateOnly(2026, 3, 16), CalendarOverrideKind.DayOff, "Nghỉ bù")], "test", "test", CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return true;
        });

        var remindedOn = new List<DateOnly>();
        for (var day = new DateOnly(2026, 3, 9); day <= ReminderScene.MeetingDay; day = day.AddDays(1))
        {
            scene.SetLocalTime(day, new TimeOnly(8, 0));
            if ((await scene.TickAsync()).StagedFor(OccasionKind.MemberReminder) > 0)
            {
                remindedOn.Add(day);
            }
        }

        // 16/03 is a day off: 1 working day before 19/03 is 18/03, 3 is Friday 13/03, 5 is Wednesday 11/03.
        Assert.Equal([new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 18)], remindedOn);
        Assert.Equal(3, Reminders(await scene.Host.ReceiveProactiveAsync(3)).Count(r => r.ConversationId == trang.ConversationId));
    }

    [Fact]
    public async Task Tick_DigestDay_SecretaryGetsWhoIsNotDoneWithRemindNow()
    {
        await using var scene = await ReminderScene.StartAsync();
        var huong = await scene.Host.ReachableAsync(DemoPeople.Huong);

        scene.SetLocalTime(ReminderScene.OffsetDays[0], new TimeOnly(8, 0));
        var outcome = await scene.TickAsync();

        Assert.Equal(1, outcome.StagedFor(OccasionKind.SecretaryDigest));
        // The secretary, not done herself, also gets her own reminder.
        var received = await scene.Host.ReceiveProactiveAsync(2);
        var digest = Assert.Single(received, r => r.ConversationId == huong.ConversationId && SecretaryHost.CardText(r).Contains(ProgressTitle, StringComparison.Ordinal));
        var text = SecretaryHost.CardText(digest);
        Assert.Contains("Nhắc việc tự động:", text, StringComparison.Ordinal);
        Assert.Contains((await DemoPeople.FindAsync(scene.Host.Services, DemoPeople.Trang)).FullName, text, StringComparison.Ordinal);
        Assert.Contains(SecretaryHost.SubmitActions(digest), a => (string?)a["title"] == "Nhắc ngay");

        var pressed = await scene.Host.PressAsync(huong, digest, "Nhắc ngay");
        // "Nhắc ngay" reminds her too (its own once-a-day scope): her reminder and the answer may come in either order.
        pressed.AddRange(await scene.Host.ReceiveProactiveAsync(1));

        Assert.Contains(pressed, p => (p.Activity.Text ?? "").Contains("Đã gửi lời nhắc tới", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tick_BodyDeadlineDay_CommitteeSecretaryGetsWhatIsMissing()
    {
        await using var scene = await ReminderScene.StartAsync();
        var hung = await scene.Host.ReachableAsync(DemoPeople.Hung);
        var occasion = await scene.Host.InScopeAsync(async s =>
            (await s.GetRequiredService<IReminderPlanner>().PlanAsync(null, WorkingCalendar.ToInstant(new DateOnly(2026, 3, 2), new TimeOnly(8, 0)),
                WorkingCalendar.ToInstant(new DateOnly(2026, 12, 31), new TimeOnly(20, 0)), CancellationToken.None))
            .Select(e => e.Occasion)
            .First(o => o.Kind == OccasionKind.BodyDeadline && o.Deadline == DeadlineKind.GrassrootsCommitteeReview));

        scene.Host.Bot.Factory.Clock.SetUtcNow(occasion.At);
        var outcome = await scene.TickAsync();

        Assert.Equal(1, outcome.StagedFor(OccasionKind.BodyDeadline));
        var received = await scene.Host.ReceiveProactiveAsync(10);
        var card = Assert.Single(received, r => r.ConversationId == hung.ConversationId && SecretaryHost.CardText(r).Contains("Sắp đến hạn", StringComparison.Ordinal));
        var text = SecretaryHost.CardText(card);
        Assert.Contains("Đảng bộ cơ sở hoàn thành kiểm điểm", text, StringComparison.Ordinal);
        Assert.Contains("Còn thiếu:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tick_RunTwice_EachMemberRemindedOnce()
    {
        await using var scene = await ReminderScene.StartAsync();
        var trang = await scene.Host.ReachableAsync(DemoPeople.Trang);
        var hung = await scene.Host.ReachableAsync(DemoPeople.Hung);

        scene.SetLocalTime(ReminderScene.OffsetDays[0], new TimeOnly(8, 0));
        var first = await scene.TickAsync();
        var second = await scene.TickAsync();

        Assert.Equal(2, first.StagedFor(OccasionKind.MemberReminder));
        Assert.DoesNotContain(second.Occasions, o => o.Result == OccasionResult.Ran);
        var received = Reminders(await scene.Host.ReceiveProactiveAsync(3));
        Assert.Single(received, r => r.ConversationId == trang.ConversationId);
        Assert.Single(received, r => r.ConversationId == hung.ConversationId);
    }

    [Fact]
    public async Task Tick_TwoAtOnceOnPostgres_EachMemberRemindedOnce()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.PostgreSQL, TimeProvider.System);
        await using var scene = await ReminderScene.StartAsync(StorageProvider.PostgreSQL, storage.ConnectionString);
        var trang = await scene.Host.ReachableAsync(DemoPeople.Trang);
        var hung = await scene.Host.ReachableAsync(DemoPeople.Hung);

        scene.SetLocalTime(ReminderScene.OffsetDays[0], new TimeOnly(8, 0));
        var outcomes = await Task.WhenAll(scene.TickAsync(), scene.TickAsync(), scene.TickAsync());

        Assert.Contains(outcomes, o => o.StagedFor(OccasionKind.MemberReminder) > 0);
        var received = Reminders(await scene.Host.ReceiveProactiveAsync(3));
        Assert.Single(received, r => r.ConversationId == trang.ConversationId);
        Assert.Single(received, r => r.ConversationId == hung.ConversationId);
    }

    [Fact]
    public async Task Tick_OneOccasionFails_OthersStillRunAndTheFailedOneIsTriedAgain()
    {
        await using var scene = await ReminderScene.StartAsync(services: s => s.AddScoped<IOccasionHandler, FailingDigestHandler>());
        var trang = await scene.Host.ReachableAsync(DemoPeople.Trang);

        scene.SetLocalTime(ReminderScene.OffsetDays[0], new TimeOnly(8, 0));
        var first = await scene.TickAsync();
        var second = await scene.TickAsync();

        Assert.Equal(1, first.StagedFor(OccasionKind.MemberReminder));
        // Both demo cells' digests fail; each is logged by its key, and tried again by the next tick.
        var failed = first.Occasions.Where(o => o.Result == OccasionResult.Failed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, f => Assert.Equal(OccasionKind.SecretaryDigest, f.Occasion.Kind));
        Assert.All(failed, f => Assert.Contains(second.Occasions, o => o.Result == OccasionResult.Failed && o.Occasion.Key == f.Occasion.Key));
        Assert.All(failed, f => Assert.Contains(scene.Host.Bot.Factory.Logs.Entries, e => e.EventId == 2112 && e.Message.Contains(f.Occasion.Key, StringComparison.Ordinal)));
        Assert.Single(Reminders(await scene.Host.ReceiveProactiveAsync(1)), r => r.ConversationId == trang.ConversationId);
    }

    /// <summary>Registered after the real digest handler, so it replaces it (the last of a kind wins); fails, as a broken database call would.</summary>
    private sealed class FailingDigestHandler : IOccasionHandler
    {
        public OccasionKind Kind => OccasionKind.SecretaryDigest;

        public Task<int> StageAsync(PlannedOccasion occasion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The digest's data could not be read.");
    }
}
