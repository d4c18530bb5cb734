using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Ballots;
using KiemDiemBot.Dialogs.Meetings;
using KiemDiemBot.Scheduler;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Meetings;

/// <summary>
/// A review meeting in Outlook and Teams: "lịch họp" in the office cell's group chat, then the calendar job
/// pushes it through the host's Graph client to a fake Graph over HTTP (tokens from a fake Entra ID): one event
/// with a Teams meeting for the participants, patched when moved, cancelled with the meeting, created once
/// however often the job runs or crashes, throttling waited out on the clock, the app installed in the meeting
/// chat, and "mở phiếu" there finding the meeting. The host's today is Monday 02/03/2026; the meeting is on
/// Thursday 05/03/2026 at 08:00 in Asia/Ho_Chi_Minh.
/// </summary>
public abstract class MeetingCalendarTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Organizer = "vanphong.dangbo@so.gov.vn";
    private const string TeamsAppId = "6f2a8c1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b";
    private const string SaveButton = "Lưu lịch họp";
    private const string TimeZone = "SE Asia Standard Time";

    private readonly FakeTimeProvider time = new(BotApplicationFactory.Start);
    private MigratedStorage? storage;
    private FakeEntraId entra = null!;
    private FakeGraph graph = null!;
    private FakeGraphCalendar calendar = null!;
    private RecordingTimeProvider clock = null!;

    public async Task InitializeAsync()
    {
        storage = provider == StorageProvider.PostgreSQL ? await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(BotApplicationFactory.Start)) : null;
        entra = new FakeEntraId(BotApplicationFactory.AppId, "test-secret-not-used", "https://graph.microsoft.com/.default");
        graph = new FakeGraph(entra, time);
        calendar = new FakeGraphCalendar(graph);
        await graph.StartAsync();
        clock = new RecordingTimeProvider(time);
    }

    public async Task DisposeAsync()
    {
        await graph.DisposeAsync();
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }
    }

    [Fact]
    public async Task PushAsync_MeetingScheduledInGroupChat_CreatesOneTeamsEventForTheParticipantsAndInstallsTheAppInItsChat()
    {
        await using var host = await StartAsync();
        var (_, meetingId) = await ScheduleAsync(host);

        var outcome = Of(meetingId, await PushAsync(host));

        Assert.Equal(MeetingCalendarResult.Created, outcome.Result);
        Assert.True(outcome.ChatFound);
        Assert.True(outcome.AppInstalled);
        var made = EventOf(meetingId);
        Assert.Equal(Organizer, made.Organizer);
        Assert.Equal(meetingId.ToString("D"), made.TransactionId);
        Assert.Equal("Hội nghị kiểm điểm, đánh giá, xếp loại – Chi bộ Văn phòng Sở", made.Subject);
        Assert.Contains("Kính mời các đồng chí dự hội nghị kiểm điểm", made.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(("2026-03-05T08:00:00", TimeZone), (made.Start, made.StartTimeZone));
        Assert.Equal(("2026-03-05T11:30:00", TimeZone), (made.End, made.EndTimeZone));
        Assert.Equal(7, made.Attendees.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(made.Attendees, a => Assert.EndsWith("@" + DemoOrganisation.EmailDomain, a, StringComparison.Ordinal));
        Assert.NotNull(made.JoinUrl);
        var state = await StateAsync(host, meetingId);
        Assert.Equal(made.Id, state.EventId);
        Assert.Equal(made.JoinUrl, state.JoinUrl);
        Assert.Equal(made.ThreadId, state.MeetingChatId);
        Assert.False(state.IsBehind);
        Assert.Null(state.Error);
        Assert.NotNull(state.AppInstalledAt);
        Assert.Equal([TeamsAppId], calendar.AppsIn(made.ThreadId!));
        Assert.Empty(graph.UnhandledRequests);
    }

    [Fact]
    public async Task PushAsync_RunTwice_SecondRunAsksGraphNothing()
    {
        await using var host = await StartAsync();
        var (_, meetingId) = await ScheduleAsync(host);
        await PushAsync(host);
        var requests = graph.Requests.Count;

        var second = await PushAsync(host);

        Assert.Empty(second);
        Assert.Equal(requests, graph.Requests.Count);
        Assert.Single(calendar.Events, e => e.TransactionId == meetingId.ToString("D"));
    }

    [Fact]
    public async Task PushAsync_CommitLostAfterGraphCreatedTheEvent_RepeatedCreateGivesTheSameEvent()
    {
        await using var host = await StartAsync();
        var (_, meetingId) = await ScheduleAsync(host);
        // The push ran and Graph made the event, but the process died before its commit.
        await host.InScopeAsync(s => s.GetRequiredService<IMeetingCalendarSync>().SyncAsync(meetingId, CancellationToken.None));
        Assert.Null((await StateAsync(host, meetingId)).EventId);

        var outcomes = await PushAsync(host);

        Assert.Equal(MeetingCalendarResult.Created, Of(meetingId, outcomes).Result);
        // Ours twice (lost, then again), each other demo meeting once.
        Assert.Equal(1 + outcomes.Count, graph.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/users/" + Organizer + "/events", StringComparison.Ordinal)));
        var made = EventOf(meetingId);
        Assert.Equal(made.Id, (await StateAsync(host, meetingId)).EventId);
    }

    [Fact]
    public async Task PushAsync_ThrottledInTheMiddle_WaitsRetryAfterAndMakesOneEvent()
    {
        await using var host = await StartAsync();
        var (_, meetingId) = await ScheduleAsync(host);
        graph.FailNext(1, FakeGraphFailure.Throttled(TimeSpan.FromSeconds(9)), "/events");

        var outcomes = await PushAsync(host);

        Assert.All(outcomes, o => Assert.Equal(MeetingCalendarResult.Created, o.Result));
        var creates = graph.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 201], creates.Take(2).Select(r => r.Status));
        Assert.True(creates[1].At - creates[0].At >= TimeSpan.FromSeconds(9));
        Assert.Equal(outcomes.Count, creates.Count - 1);
        Assert.Equal(outcomes.Count, calendar.Events.Count);
        Assert.Single(calendar.Events, e => e.TransactionId == meetingId.ToString("D"));
        Assert.NotNull((await StateAsync(host, meetingId)).AppInstalledAt);
    }

    [Fact]
    public async Task PushAsync_MeetingMoved_PatchesTheEventInsteadOfMakingAnother()
    {
        await using var host = await StartAsync();
        var (chat, meetingId) = await ScheduleAsync(host);
        await PushAsync(host);
        // The secretary changes it later (the clock is frozen otherwise: an edit at the push's very instant is not behind it).
        time.Advance(TimeSpan.FromMinutes(5));

        await SaveAsync(host, chat, new Dictionary<string, string>
        {
            [MeetingScheduleCard.StartDateInput] = "2026-03-06",
            [MeetingScheduleCard.StartTimeInput] = "13:30",
            [MeetingScheduleCard.EndDateInput] = "2026-03-06",
            [MeetingScheduleCard.EndTimeInput] = "17:00",
        });
        Assert.True((await StateAsync(host, meetingId)).IsBehind);
        var outcome = Assert.Single(await PushAsync(host));

        Assert.Equal(MeetingCalendarResult.Updated, outcome.Result);
        Assert.Equal(meetingId, outcome.MeetingId);
        var moved = EventOf(meetingId);
        Assert.Equal(1, moved.Patches);
        Assert.Equal(("2026-03-06T13:30:00", TimeZone), (moved.Start, moved.StartTimeZone));
        Assert.Equal("2026-03-06T17:00:00", moved.End);
        Assert.Equal(7, moved.Attendees.Count);
        Assert.Equal(calendar.Events.Count, graph.CountRequests("POST", "/events"));
        Assert.False((await StateAsync(host, meetingId)).IsBehind);
    }

    [Fact]
    public async Task PushAsync_MeetingCancelled_CancelsTheEventWithAVietnameseComment()
    {
        await using var host = await StartAsync();
        var (chat, meetingId) = await ScheduleAsync(host);
        await PushAsync(host);
        // The secretary changes it later (the clock is frozen otherwise: an edit at the push's very instant is not behind it).
        time.Advance(TimeSpan.FromMinutes(5));
        var form = await host.SayInGroupAsync(chat, await OfficeChatNameAsync(host), "lịch họp");
        var card = (await host.PressAsync(chat, form, SaveButton, Filled(form, []), replies: 2))[1];
        await host.PressAsync(chat, card, "Hủy cuộc họp", replies: 2);

        var outcome = Assert.Single(await PushAsync(host));

        Assert.Equal(MeetingCalendarResult.Cancelled, outcome.Result);
        Assert.Equal(meetingId, outcome.MeetingId);
        var cancelled = EventOf(meetingId);
        Assert.True(cancelled.IsCancelled);
        Assert.Equal("Hội nghị kiểm điểm của Chi bộ Văn phòng Sở đã hủy. Khi có lịch họp mới, các đồng chí sẽ nhận lời mời mới.", cancelled.CancelComment);
        Assert.Equal(1, graph.CountRequests("POST", "/cancel"));
        var state = await StateAsync(host, meetingId);
        Assert.Null(state.EventId);
        Assert.False(state.IsBehind);
        Assert.Empty(await PushAsync(host));
    }

    [Fact]
    public async Task PushAsync_GraphRefusesTheEvent_TellsTheSecretaryOnceAndStopsTrying()
    {
        await using var host = await StartAsync();
        var (_, meetingId) = await ScheduleAsync(host);
        var deputy = await host.ReachableAsync(DemoPeople.Nam);
        // Every meeting's event is refused (the demo's other cell has one too).
        graph.FailNext(10, FakeGraphFailure.Forbidden, "/events");

        var first = await PushAsync(host);
        var outcome = Of(meetingId, first);
        var told = Assert.Single(await host.ReceiveProactiveAsync(1));
        var again = await PushAsync(host);

        Assert.Equal(MeetingCalendarResult.Refused, outcome.Result);
        Assert.Equal(deputy.ConversationId, told.ConversationId);
        var text = SecretaryHost.CardText(told);
        Assert.Contains("Microsoft 365 từ chối tạo hoặc cập nhật lịch họp này", text, StringComparison.Ordinal);
        Assert.Contains("create: 403 Authorization_RequestDenied", text, StringComparison.Ordinal);
        Assert.StartsWith("refused create: 403", (await StateAsync(host, meetingId)).Error, StringComparison.Ordinal);
        Assert.Empty(again);
        Assert.Empty(calendar.Events);
        Assert.Equal(first.Count, graph.CountRequests("POST", "/events"));
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task MoPhieu_TypedInTheTeamsMeetingChat_FindsTheMeetingAndShowsItsBallotSetup()
    {
        await using var host = await StartAsync();
        var (_, meetingId) = await ScheduleAsync(host);
        await PushAsync(host);
        var threadId = (await StateAsync(host, meetingId)).MeetingChatId!;
        var meetingChat = await host.GroupChatAsync(DemoPeople.Huong) with { ConversationId = threadId };

        var setup = await host.SayInGroupAsync(meetingChat, "Hội nghị kiểm điểm, đánh giá, xếp loại – Chi bộ Văn phòng Sở", "mở phiếu");

        Assert.Contains("Chi bộ Văn phòng Sở", SecretaryHost.CardText(setup), StringComparison.Ordinal);
        Assert.Contains(SecretaryHost.SubmitActions(setup), a => (string?)a["data"]![CardDataKeys.Flow] == OpenBallotFlow.FlowName);
        var found = await host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            return await s.GetRequiredService<IReviewMeetingPlanner>().FindByConversationAsync(new MeetingConversation("msteams", threadId), cycle!.Id, CancellationToken.None);
        });
        Assert.Equal(meetingId, found?.MeetingId);
    }

    private Task<SecretaryHost> StartAsync() => SecretaryHost.StartAsync(
        provider,
        storage?.ConnectionString,
        services =>
        {
            services.AddScoped<IDialog, CancelMeetingDialog>();
            services.AddHttpClient(ConnectorHttpClients.Entra).ConfigurePrimaryHttpMessageHandler(() => entra);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.RemoveAll<IRetryJitter>();
            services.AddSingleton<IRetryJitter>(new FixedRetryJitter());
        },
        new Dictionary<string, string>
        {
            ["Bot:AuthorityHost"] = "https://login.graph-tests.invalid",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:Calendar:OrganizerUserId"] = Organizer,
            ["Graph:Install:TeamsAppId"] = TeamsAppId,
        },
        time);

    /// <summary>The office cell's secretary schedules its meeting in a group chat (08:00 to 11:30 on 05/03/2026); answers the chat and the meeting.</summary>
    private static async Task<(TestScene Chat, Guid MeetingId)> ScheduleAsync(SecretaryHost host)
    {
        var chat = await host.GroupChatAsync(DemoPeople.Huong);
        await SaveAsync(host, chat, new Dictionary<string, string> { [MeetingScheduleCard.EndTimeInput] = "11:30" });
        var meeting = await host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            return await s.GetRequiredService<IReviewMeetingPlanner>().FindByConversationAsync(new MeetingConversation("msteams", chat.ConversationId), cycle!.Id, CancellationToken.None);
        });
        return (chat, meeting!.MeetingId);
    }

    private static async Task SaveAsync(SecretaryHost host, TestScene chat, Dictionary<string, string> changes)
    {
        var form = await host.SayInGroupAsync(chat, await OfficeChatNameAsync(host), "lịch họp");
        await host.PressAsync(chat, form, SaveButton, Filled(form, changes), replies: 2);
    }

    /// <summary>Runs the calendar job once, passing every wait it starts on the host's clock; answers its outcomes.</summary>
    private async Task<IReadOnlyList<MeetingCalendarOutcome>> PushAsync(SecretaryHost host)
    {
        // Waits the turns started before (the dispatcher's polls) are not this run's: only those started from here are passed.
        while (clock.HasPendingDelay)
        {
            await clock.NextDelayAsync(TimeSpan.FromSeconds(1));
        }
        await using var scope = host.Services.CreateAsyncScope();
        var running = scope.ServiceProvider.GetRequiredService<MeetingCalendarJob>().PushAsync(CancellationToken.None);
        while (!running.IsCompleted)
        {
            var next = clock.NextDelayAsync(TimeSpan.FromMinutes(2));
            if (await Task.WhenAny(running, next) == next)
            {
                clock.Advance(await next);
            }
        }
        return await running;
    }

    private static MeetingCalendarOutcome Of(Guid meetingId, IReadOnlyList<MeetingCalendarOutcome> outcomes) =>
        Assert.Single(outcomes, o => o.MeetingId == meetingId);

    /// <summary>The meeting's event (first made: no cancel came before it).</summary>
    private FakeCalendarEvent EventOf(Guid meetingId) => Assert.Single(calendar.Events, e => e.TransactionId == meetingId.ToString("D"));

    private static async Task<MeetingCalendarState> StateAsync(SecretaryHost host, Guid meetingId) =>
        (await host.InScopeAsync(s => s.GetRequiredService<IMeetingCalendarSync>().StateAsync(meetingId, CancellationToken.None)))!;

    private static Dictionary<string, string> Filled(SentActivity card, Dictionary<string, string> changes)
    {
        var values = SecretaryHost.Inputs(card)
            .Where(i => i["value"] is not null)
            .ToDictionary(i => (string)i["id"]!, i => (string)i["value"]!);
        foreach (var (id, value) in changes)
        {
            values[id] = value;
        }
        return values;
    }

    private static async Task<string> OfficeChatNameAsync(SecretaryHost host)
    {
        var cells = await host.InScopeAsync(s => s.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None));
        return cells.Single(c => c.Code == DemoOrganisation.OfficeCellCode).MeetingChatName;
    }
}

public sealed class SqliteMeetingCalendarTests() : MeetingCalendarTests(StorageProvider.Sqlite);

public sealed class PostgresMeetingCalendarTests() : MeetingCalendarTests(StorageProvider.PostgreSQL);
