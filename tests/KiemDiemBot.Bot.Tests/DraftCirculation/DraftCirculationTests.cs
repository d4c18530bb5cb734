using DocumentFormat.OpenXml.Packaging;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Meetings;
using KiemDiemBot.Scheduler;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.DraftCirculation;

/// <summary>
/// The draft collective report circulated to the participants of the demo office cell's meeting, through the whole
/// pipeline: `lịch họp` too late sends it at once and tells the secretary; participants send comments (góp ý) from
/// the card; the chair's card of comments is updated in place; the minutes carry them in an annex; the scheduler's
/// handler sends a meeting's draft once. Phạm Thị Hương (the cell's secretary, who chairs), Hoàng Văn Nam and Đỗ Thị
/// Thu Trang have a personal chat with the bot; the other four members of the cell do not. Today is Monday 02/03/2026.
/// </summary>
public abstract class DraftCirculationTests(StorageProvider provider) : IAsyncLifetime
{
    private const string SaveButton = "Lưu lịch họp";
    private const string SendButton = "Gửi góp ý";
    private const string DraftLink = "https://onedrive.example/du-thao-bao-cao.docx";
    private const string BodyName = "Chi bộ Văn phòng Sở";
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

    [Fact]
    public async Task LichHop_FewerThanThreeWorkingDaysLeft_SendsTheDraftToEveryReachableParticipantAtOnceAndTellsTheSecretary()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);

        var scheduled = await ScheduleAsync(host, people, new DateOnly(2026, 3, 4), DraftLink);
        // The plan lists a meeting set too late as due at once: the tick's run after the secretary's sends nothing more.
        var tick = await DueCirculationAsync(host, scheduled.MeetingId);
        var stagedByTheTick = await RunHandlerAsync(host, tick!);

        Assert.NotNull(tick);
        Assert.Equal(0, stagedByTheTick);
        var meeting = SecretaryHost.CardText(scheduled.MeetingCard);
        Assert.Contains("Không còn đủ 3 ngày làm việc để gửi trước dự thảo báo cáo kiểm điểm cho người dự họp: phải gửi chậm nhất ngày 27/02/2026, mà hôm nay đã là ngày 02/03/2026. "
            + "Dự thảo báo cáo đã được gửi ngay cho 3 người dự họp để góp ý. "
            + "Chưa gửi được cho 4 người vì họ chưa nhắn tin với bot lần nào: Đặng Văn Thành, Ngô Thị Bích Ngọc, Nguyễn Văn Hùng, Phan Văn Long.", meeting, StringComparison.Ordinal);
        Assert.Equal(
            new[] { people.Huong.ConversationId, people.Nam.ConversationId, people.Trang.ConversationId }.Order(StringComparer.Ordinal),
            scheduled.Drafts.Select(d => d.ConversationId).Order(StringComparer.Ordinal));
        Assert.All(scheduled.Drafts, draft =>
        {
            var text = SecretaryHost.CardText(draft);
            Assert.Contains("Dự thảo báo cáo kiểm điểm: " + BodyName, text, StringComparison.Ordinal);
            Assert.Contains("Họp kiểm điểm lúc 08:00 ngày 04/03/2026.", text, StringComparison.Ordinal);
            Assert.Contains("ít nhất 3 ngày làm việc trước cuộc họp (với cuộc họp này: chậm nhất ngày 27/02/2026)", text, StringComparison.Ordinal);
            Assert.Contains(Descendants(SecretaryHost.Card(draft)), a => (string?)a["type"] == "Action.OpenUrl" && (string?)a["url"] == DraftLink);
            var box = Assert.Single(SecretaryHost.Inputs(draft));
            Assert.Equal(CardDataKeys.DraftComment, (string?)box["id"]);
            Assert.True((bool?)box["isMultiline"]);
            Assert.Equal(CardVerbs.SendDraftComment, (string?)SecretaryHost.SubmitAction(draft, SendButton)["data"]![CardDataKeys.Verb]);
        });
        Assert.Equal(people.Huong.ConversationId, scheduled.CommentsCard.ConversationId);
        Assert.Contains("Góp ý dự thảo báo cáo: " + BodyName, SecretaryHost.CardText(scheduled.CommentsCard), StringComparison.Ordinal);
        Assert.Contains("chưa có góp ý nào", SecretaryHost.CardText(scheduled.CommentsCard), StringComparison.Ordinal);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task LichHop_TooLateWithoutADraftLink_SendsNothingAndSaysALinkIsNeeded()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);

        var replies = await SaveAsync(host, people, new DateOnly(2026, 3, 4), draftLink: null, expected: 2);

        Assert.All(replies, r => Assert.Equal(people.Group.ConversationId, r.ConversationId));
        Assert.Contains("Chưa có đường liên kết tới dự thảo báo cáo nên bot chưa gửi dự thảo cho người dự họp được", SecretaryHost.CardText(replies[1]), StringComparison.Ordinal);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task GuiGopY_ParticipantsComment_ThankedAndTheChairsCardUpdatedInPlaceWithTheLatestOfEach()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);
        var scheduled = await ScheduleAsync(host, people, new DateOnly(2026, 3, 4), DraftLink);
        var trangDraft = scheduled.Drafts.Single(d => d.ConversationId == people.Trang.ConversationId);
        var namDraft = scheduled.Drafts.Single(d => d.ConversationId == people.Nam.ConversationId);

        var first = await CommentAsync(host, people.Trang, trangDraft, "Đề nghị bổ sung phần hạn chế về phát triển đảng viên.");
        var second = await CommentAsync(host, people.Nam, namDraft, "Nhất trí với dự thảo.");
        var replaced = await CommentAsync(host, people.Trang, trangDraft, "  Đề nghị nêu rõ thời hạn khắc phục hạn chế.  ");

        Assert.Equal(trangDraft.SentId, first.Card.UpdatedActivityId);
        Assert.Equal("Đề nghị bổ sung phần hạn chế về phát triển đảng viên.", (string?)Assert.Single(SecretaryHost.Inputs(first.Card))["value"]);
        Assert.Contains("Đã nhận góp ý của đồng chí lúc", SecretaryHost.CardText(first.Card), StringComparison.Ordinal);
        Assert.Equal("Cảm ơn đồng chí đã góp ý dự thảo báo cáo kiểm điểm của " + BodyName + "; góp ý đã được chuyển tới đồng chí chủ trì cuộc họp.", first.Thanks.Activity.Text);
        Assert.StartsWith("Cảm ơn đồng chí: góp ý mới đã thay góp ý trước", replaced.Thanks.Activity.Text, StringComparison.Ordinal);
        Assert.All([first.Chair, second.Chair, replaced.Chair], update =>
        {
            Assert.Equal(people.Huong.ConversationId, update.ConversationId);
            Assert.Equal(scheduled.CommentsCard.SentId, update.UpdatedActivityId);
        });
        Assert.Contains("1/7 người dự họp đã góp ý.", SecretaryHost.CardText(first.Chair), StringComparison.Ordinal);
        var chairCard = SecretaryHost.CardText(replaced.Chair);
        Assert.Contains("2/7 người dự họp đã góp ý.", chairCard, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Nam", chairCard, StringComparison.Ordinal);
        Assert.Contains("Nhất trí với dự thảo.", chairCard, StringComparison.Ordinal);
        Assert.Contains("Đỗ Thị Thu Trang", chairCard, StringComparison.Ordinal);
        Assert.Contains("Đề nghị nêu rõ thời hạn khắc phục hạn chế.", chairCard, StringComparison.Ordinal);
        Assert.DoesNotContain("phát triển đảng viên", chairCard, StringComparison.Ordinal);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task GuiGopY_EmptyBox_ToldPlainlyAndNothingSavedOrSentToTheChair()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);
        var scheduled = await ScheduleAsync(host, people, new DateOnly(2026, 3, 4), DraftLink);
        var trangDraft = scheduled.Drafts.Single(d => d.ConversationId == people.Trang.ConversationId);

        var reply = Assert.Single(await host.PressAsync(people.Trang, trangDraft, SendButton, new Dictionary<string, string> { [CardDataKeys.DraftComment] = "   " }));

        Assert.Equal("Ô góp ý đang để trống nên chưa có gì để gửi: hãy viết góp ý vào ô trên thẻ rồi bấm “Gửi góp ý”.", reply.Activity.Text);
        Assert.Null(reply.UpdatedActivityId);
        Assert.True(await host.StaysQuietAsync());
        Assert.Empty(await host.InScopeAsync(s => s.GetRequiredService<IDraftCirculation>().ListCommentsAsync(scheduled.MeetingId, CancellationToken.None)));
    }

    [Fact]
    public async Task GuiGopY_MeetingCancelled_RefusedPolitely()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);
        var scheduled = await ScheduleAsync(host, people, new DateOnly(2026, 3, 4), DraftLink);
        var trangDraft = scheduled.Drafts.Single(d => d.ConversationId == people.Trang.ConversationId);
        await CancelAsync(host, scheduled.MeetingId);

        var reply = Assert.Single(await host.PressAsync(people.Trang, trangDraft, SendButton, new Dictionary<string, string> { [CardDataKeys.DraftComment] = "Góp ý." }));

        Assert.Equal("Cuộc họp kiểm điểm của " + BodyName + " đã bị hủy nên không nhận góp ý dự thảo nữa. Cảm ơn đồng chí đã quan tâm.", reply.Activity.Text);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task MinutesAsync_MeetingWithComments_DocxEndsWithTheAnnexOfComments()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);
        var scheduled = await ScheduleAsync(host, people, new DateOnly(2026, 3, 4), DraftLink);
        await CommentAsync(host, people.Trang, scheduled.Drafts.Single(d => d.ConversationId == people.Trang.ConversationId), "Đề nghị nêu rõ thời hạn khắc phục hạn chế.");
        var ballot = await TestBallots.ClosedRankingBallotAsync(host.Services, DemoOrganisation.OfficeCellCode, "msteams", people.Group.ConversationId,
            decide: false, meetingId: scheduled.MeetingId);

        var minutes = await host.InScopeAsync(s => s.GetRequiredService<IBallotExporter>().MinutesAsync(ballot.BallotId, CancellationToken.None));

        using var document = WordprocessingDocument.Open(new MemoryStream(minutes!.Content), isEditable: false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        var annex = paragraphs.IndexOf("PHỤ LỤC: Ý KIẾN GÓP Ý DỰ THẢO BÁO CÁO");
        Assert.True(annex > 0);
        Assert.Contains("1. Đỗ Thị Thu Trang", paragraphs.Skip(annex));
        Assert.Contains("Đề nghị nêu rõ thời hạn khắc phục hạn chế.", paragraphs.Skip(annex));
    }

    [Fact]
    public async Task DraftCirculationHandler_PlanDueOnTheRulesDayRunTwice_StagesTheDraftOnce()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);
        // Thursday 12/03: its draft goes out on Monday 09/03 at the cycle's reminder time, so saving it sends nothing yet.
        var replies = await SaveAsync(host, people, new DateOnly(2026, 3, 12), DraftLink, expected: 2);
        var quietAtSaving = await host.StaysQuietAsync();
        var meetingId = await MeetingIdAsync(host);
        var clock = host.Bot.Factory.Clock;
        var notYet = await DueCirculationAsync(host, meetingId);
        clock.Advance(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(7)) - clock.GetUtcNow());
        var occasion = await DueCirculationAsync(host, meetingId);

        var first = await RunHandlerAsync(host, occasion!);
        var second = await RunHandlerAsync(host, occasion!);
        var sent = await host.ReceiveProactiveAsync(4);

        Assert.Equal(2, replies.Count);
        Assert.True(quietAtSaving);
        Assert.Null(notYet);
        Assert.NotNull(occasion);
        Assert.Equal(OccasionKeys.DraftCirculation(meetingId), occasion.Key);
        Assert.Equal(3, first);
        Assert.Equal(0, second);
        var drafts = sent.Where(s => SecretaryHost.CardText(s).Contains("Dự thảo báo cáo kiểm điểm: " + BodyName, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { people.Huong.ConversationId, people.Nam.ConversationId, people.Trang.ConversationId }.Order(StringComparer.Ordinal),
            drafts.Select(d => d.ConversationId).Order(StringComparer.Ordinal));
        Assert.All(drafts, d => Assert.Contains("Họp kiểm điểm lúc 08:00 ngày 12/03/2026.", SecretaryHost.CardText(d), StringComparison.Ordinal));
        Assert.Single(sent, s => SecretaryHost.CardText(s).Contains("Góp ý dự thảo báo cáo: " + BodyName, StringComparison.Ordinal));
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task ReminderTick_OnTheRulesDayTwice_EveryReachableParticipantGetsTheDraftOnce()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);
        await SaveAsync(host, people, new DateOnly(2026, 3, 12), DraftLink, expected: 2);
        var clock = host.Bot.Factory.Clock;
        clock.Advance(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(7)) - clock.GetUtcNow());

        await host.InScopeAsync(s => s.GetRequiredService<ReminderTickJob>().TickAsync(CancellationToken.None));
        await host.InScopeAsync(s => s.GetRequiredService<ReminderTickJob>().TickAsync(CancellationToken.None));
        // Whatever else is due that morning (the members' own reminders) comes too; the drafts are counted.
        var sent = await host.ReceiveProactiveAsync(20);

        var drafts = sent.Where(s => s.Activity.Attachments is not null
            && SecretaryHost.CardText(s).Contains("Dự thảo báo cáo kiểm điểm: " + BodyName, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { people.Huong.ConversationId, people.Nam.ConversationId, people.Trang.ConversationId }.Order(StringComparer.Ordinal),
            drafts.Select(d => d.ConversationId).Order(StringComparer.Ordinal));
        Assert.Single(sent, s => s.Activity.Attachments is not null
            && SecretaryHost.CardText(s).Contains("Góp ý dự thảo báo cáo: " + BodyName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DraftCirculationHandler_CancelledMeeting_StagesNothing()
    {
        await using var host = await StartAsync();
        var people = await PeopleAsync(host);
        await SaveAsync(host, people, new DateOnly(2026, 3, 12), DraftLink, expected: 2);
        var meetingId = await MeetingIdAsync(host);
        await CancelAsync(host, meetingId);

        var staged = await RunHandlerAsync(host, await OccasionAsync(host, meetingId));

        Assert.Equal(0, staged);
        Assert.True(await host.StaysQuietAsync());
    }

    /// <summary>The host with "Gửi góp ý" (the test host keeps only the dialogs a test names); the handler comes with the scheduler.</summary>
    private Task<SecretaryHost> StartAsync() => SecretaryHost.StartAsync(provider, storage?.ConnectionString, services =>
        services.AddScoped<IDialog, SendDraftCommentDialog>());

    /// <summary>The three reachable people, and the office cell's meeting chat as its secretary writes in it.</summary>
    private static async Task<People> PeopleAsync(SecretaryHost host)
    {
        var huong = await host.ReachableAsync(DemoPeople.Huong);
        var nam = await host.ReachableAsync(DemoPeople.Nam);
        var trang = await host.ReachableAsync(DemoPeople.Trang);
        var group = huong with { ConversationId = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2", ConversationType = "groupChat" };
        return new People(huong, nam, trang, group);
    }

    /// <summary>Saves the meeting form on <paramref name="day"/>, 08:00 to 11:30; answers all the bot sent until it went quiet (<paramref name="expected"/> at least).</summary>
    private static async Task<List<SentActivity>> SaveAsync(SecretaryHost host, People people, DateOnly day, string? draftLink, int expected)
    {
        var form = await host.SayInGroupAsync(people.Group, await OfficeChatNameAsync(host), "lịch họp");
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var values = SecretaryHost.Inputs(form).Where(i => i["value"] is not null).ToDictionary(i => (string)i["id"]!, i => (string)i["value"]!);
        values[MeetingScheduleCard.StartDateInput] = date;
        values[MeetingScheduleCard.StartTimeInput] = "08:00";
        values[MeetingScheduleCard.EndDateInput] = date;
        values[MeetingScheduleCard.EndTimeInput] = "11:30";
        values[MeetingScheduleCard.DraftUrlInput] = draftLink ?? string.Empty;
        await host.PressAsync(people.Group, form, SaveButton, values, replies: 0);
        return await host.ReceiveProactiveAsync(expected);
    }

    private static async Task<Scheduled> ScheduleAsync(SecretaryHost host, People people, DateOnly day, string draftLink)
    {
        var sent = await SaveAsync(host, people, day, draftLink, expected: 6);
        Assert.Equal(6, sent.Count);
        var inGroup = sent.Where(s => s.ConversationId == people.Group.ConversationId).ToList();
        Assert.Equal(2, inGroup.Count);
        var personal = sent.Except(inGroup).ToList();
        var commentsCard = Assert.Single(personal, s => SecretaryHost.CardText(s).Contains("Góp ý dự thảo báo cáo", StringComparison.Ordinal));
        return new Scheduled(await MeetingIdAsync(host), inGroup[1], [.. personal.Where(s => s != commentsCard)], commentsCard);
    }

    /// <summary>Sends a comment from the member's draft card; answers the card shown again, the thanks and the chair's card update.</summary>
    private static async Task<Commented> CommentAsync(SecretaryHost host, TestScene member, SentActivity draft, string comment)
    {
        await host.PressAsync(member, draft, SendButton, new Dictionary<string, string> { [CardDataKeys.DraftComment] = comment }, replies: 0);
        var sent = await host.ReceiveProactiveAsync(3);
        Assert.Equal(3, sent.Count);
        var own = sent.Where(s => s.ConversationId == member.ConversationId).ToList();
        return new Commented(
            Assert.Single(own, s => s.Activity.Attachments is not null),
            Assert.Single(own, s => s.Activity.Attachments is null),
            Assert.Single(sent, s => s.ConversationId != member.ConversationId));
    }

    /// <summary>Runs the draft circulation handler for the occasion in a unit of work of its own, as the tick does; answers how many it staged.</summary>
    private static Task<int> RunHandlerAsync(SecretaryHost host, PlannedOccasion occasion) =>
        host.InScopeAsync(async s =>
        {
            var handler = s.GetServices<IOccasionHandler>().Single(h => h.Kind == OccasionKind.DraftCirculation);
            var staged = await handler.StageAsync(occasion, CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return staged;
        });

    /// <summary>The meeting's circulation among the occasions the plan says are due now, if it is.</summary>
    private static Task<PlannedOccasion?> DueCirculationAsync(SecretaryHost host, Guid meetingId) =>
        host.InScopeAsync(async s =>
        {
            var due = await s.GetRequiredService<IReminderPlanner>().DueAsync(host.Bot.Factory.Clock.GetUtcNow(), CancellationToken.None);
            return due.SingleOrDefault(o => o.Kind == OccasionKind.DraftCirculation && o.MeetingId == meetingId);
        });

    /// <summary>The meeting's circulation occasion as the plan would give it on its day (for a meeting the plan no longer lists).</summary>
    private static Task<PlannedOccasion> OccasionAsync(SecretaryHost host, Guid meetingId) =>
        host.InScopeAsync(async s =>
        {
            var meeting = (await s.GetRequiredService<IDraftCirculation>().FindAsync(meetingId, CancellationToken.None))!;
            return new PlannedOccasion(OccasionKeys.DraftCirculation(meetingId), OccasionKind.DraftCirculation, meeting.CycleId, meeting.BodyId,
                new DateTimeOffset(meeting.CirculateBy.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7)), DateOnly.FromDateTime(meeting.StartsAt.DateTime))
            {
                MeetingId = meetingId,
            };
        });

    private static Task<Guid> MeetingIdAsync(SecretaryHost host) =>
        host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            var office = (await s.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None)).Single(c => c.Code == DemoOrganisation.OfficeCellCode);
            return (await s.GetRequiredService<IReviewMeetingPlanner>().FindForBodyAsync(cycle!.Id, office.Id, CancellationToken.None))!.MeetingId;
        });

    private static Task CancelAsync(SecretaryHost host, Guid meetingId) =>
        host.InScopeAsync(async s =>
        {
            var (huong, _) = await DemoPeople.FindAsync(host.Services, DemoPeople.Huong);
            await s.GetRequiredService<IReviewMeetingPlanner>().CancelAsync(meetingId, huong, CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return true;
        });

    private static async Task<string> OfficeChatNameAsync(SecretaryHost host)
    {
        var cells = await host.InScopeAsync(s => s.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None));
        return cells.Single(c => c.Code == DemoOrganisation.OfficeCellCode).MeetingChatName;
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Descendants(System.Text.Json.Nodes.JsonNode node)
    {
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).OfType<System.Text.Json.Nodes.JsonNode>().SelectMany(Descendants))
            {
                yield return child;
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray array)
        {
            foreach (var child in array.OfType<System.Text.Json.Nodes.JsonNode>().SelectMany(Descendants))
            {
                yield return child;
            }
        }
    }

    private sealed record People(TestScene Huong, TestScene Nam, TestScene Trang, TestScene Group);

    private sealed record Scheduled(Guid MeetingId, SentActivity MeetingCard, IReadOnlyList<SentActivity> Drafts, SentActivity CommentsCard);

    private sealed record Commented(SentActivity Card, SentActivity Thanks, SentActivity Chair);
}

public sealed class SqliteDraftCirculationTests() : DraftCirculationTests(StorageProvider.Sqlite);

public sealed class PostgresDraftCirculationTests() : DraftCirculationTests(StorageProvider.PostgreSQL);
