using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Flows;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>
/// The flow engine with the sample flow over real storage, turn by turn as the pipeline runs them (one scope and
/// one commit per turn), on both providers.
/// </summary>
public abstract class FlowEngineTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly FlowStateKey AnSample = new(FlowTestMembers.An.MemberId, Guid.Empty, SampleFlow.FlowName);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private FlowTestDatabase database = null!;
    private FlowTestHost host = null!;

    public async Task InitializeAsync()
    {
        database = await FlowTestDatabase.CreateAsync(provider);
        host = FlowTestHost.Start(database, clock);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_StartThenBothStepsAnswered_CompletesWithTheAnswers()
    {
        var chat = new ChatTranscript("a:personal-an");

        var started = await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "Thử mẫu"));
        var nameCard = Assert.Single(started);
        var afterName = await host.SendAsync(chat, chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, " Trần Văn An ")));
        var ageCard = Assert.Single(afterName);
        var afterAge = await host.SendAsync(chat, chat.Press(FlowTestMembers.An, ageCard, (SampleFlow.AgeInput, "45")));

        Assert.Equal(new FlowCardData(SampleFlow.FlowName, SampleFlow.NameStep, 1, FlowTestMembers.An.MemberId, Guid.Empty), ChatTranscript.DataOf(nameCard));
        Assert.Equal(new FlowCardData(SampleFlow.FlowName, SampleFlow.AgeStep, 2, FlowTestMembers.An.MemberId, Guid.Empty), ChatTranscript.DataOf(ageCard));
        var done = Assert.Single(afterAge);
        Assert.Equal([SampleFlow.DoneTitle, "Họ và tên", "Trần Văn An", "Tuổi", "45"], Texts(done).Take(5));
        // The answered cards were replaced in place by their read-only summaries.
        Assert.Empty(Buttons(chat[nameCard.Id]));
        Assert.Contains("Trần Văn An", Texts(chat[nameCard.Id]));
        Assert.Empty(Buttons(chat[ageCard.Id]));
        Assert.Contains("45", Texts(chat[ageCard.Id]));
        var state = await host.FindStateAsync(AnSample);
        Assert.Equal((FlowStatus.Completed, 3), (state!.Status, state.Version));
        Assert.Equal("""{"name":"Trần Văn An","age":45}""", state.StateJson);
    }

    [Fact]
    public async Task RunAsync_EveryFlowCard_CarriesVerbFlowStepVersionAndOwnerOnEveryButton()
    {
        var chat = new ChatTranscript("a:personal-an");

        var card = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thu mau")));

        var buttons = Buttons(card);
        Assert.NotEmpty(buttons);
        Assert.All(buttons, button =>
        {
            var data = button["data"]!.AsObject();
            Assert.Equal(CardVerbs.FlowSubmit, (string?)data[CardDataKeys.Verb]);
            Assert.Equal(SampleFlow.FlowName, (string?)data[CardDataKeys.Flow]);
            Assert.Equal(SampleFlow.NameStep, (string?)data[CardDataKeys.Step]);
            Assert.Equal(1, (int?)data[CardDataKeys.FlowVersion]);
            Assert.Equal(FlowTestMembers.An.MemberId.ToString(), (string?)data[CardDataKeys.Owner]);
        });
    }

    [Fact]
    public async Task RunAsync_TiepTucAfterRestart_SendsTheCurrentStepWhichStillWorks()
    {
        var chat = new ChatTranscript("a:personal-an");
        var nameCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));
        await host.SendAsync(chat, chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn An")));

        await host.DisposeAsync();
        host = FlowTestHost.Start(database, clock);
        var resumed = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "Tiếp tục")));
        var finished = await host.SendAsync(chat, chat.Press(FlowTestMembers.An, resumed, (SampleFlow.AgeInput, "52")));

        Assert.Equal(new FlowCardData(SampleFlow.FlowName, SampleFlow.AgeStep, 2, FlowTestMembers.An.MemberId, Guid.Empty), ChatTranscript.DataOf(resumed));
        Assert.Contains(SampleFlow.DoneTitle, Texts(Assert.Single(finished)));
        Assert.Equal(FlowStatus.Completed, (await host.FindStateAsync(AnSample))!.Status);
    }

    [Fact]
    public async Task RunAsync_AnswerRefused_ShowsTheErrorOnTheSameCardInPlaceAndChangesNothing()
    {
        var chat = new ChatTranscript("a:personal-an");
        var nameCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));

        var replies = await host.RunAsync(chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "   ")));
        chat.Apply(replies);

        var update = Assert.Single(replies);
        Assert.Equal(nameCard.Id, update.UpdateActivityId);
        Assert.Contains(SampleFlow.NameMissing, Texts(chat[nameCard.Id]));
        Assert.Equal(ChatTranscript.DataOf(nameCard), ChatTranscript.DataOf(chat[nameCard.Id]));
        Assert.Equal((SampleFlow.NameStep, 1, FlowStatus.Active), await StepOf(AnSample));
    }

    [Fact]
    public async Task RunAsync_OldCardAfterANewerStep_GetsCurrentStepWithOutOfDateLineAndChangesNothing()
    {
        var chat = new ChatTranscript("a:personal-an");
        var nameCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));
        var ageCard = Assert.Single(await host.SendAsync(chat, chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn An"))));
        var before = await host.FindStateAsync(AnSample);

        // The name card as it was first sent (step "name", version 1), pressed again, say from a scrolled-up copy.
        var replies = await host.RunAsync(chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Người Khác")));
        chat.Apply(replies);

        Assert.Equal(2, replies.Count);
        Assert.Equal(nameCard.Id, replies[0].UpdateActivityId);
        Assert.True(JsonNode.DeepEquals(OutdatedCard.Build(), replies[0].Card));
        Assert.Empty(Buttons(chat[nameCard.Id]));
        Assert.Equal(FlowTexts.FlowCardOutOfDate, replies[1].Text);
        Assert.Null(replies[1].UpdateActivityId);
        Assert.Equal(ChatTranscript.DataOf(ageCard), ChatTranscript.DataOf(chat.Last));
        Assert.Equal(before, await host.FindStateAsync(AnSample));
    }

    [Fact]
    public async Task CommitAsync_SameCardSubmittedTwiceAtOnce_TakesEffectOnce()
    {
        var chat = new ChatTranscript("a:personal-an");
        var nameCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));
        await using var first = await host.BeginAsync(chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn An")));
        await using var second = await host.BeginAsync(chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn Ân")));

        var commits = new[] { first.CommitAsync(), second.CommitAsync() };
        var outcome = await Task.WhenAll(commits.Select(Outcome));

        var failure = Assert.Single(outcome, e => e is not null);
        Assert.IsType<ConcurrentChangeException>(failure);
        var winner = outcome[0] is null ? "Trần Văn An" : "Trần Văn Ân";
        var state = await host.FindStateAsync(AnSample);
        Assert.Equal((SampleFlow.AgeStep, 2), (state!.Step, state.Version));
        Assert.Contains(winner, state.StateJson, StringComparison.Ordinal);

        // The pipeline runs the failed turn again: now it is out of date, and still changes nothing.
        var loser = outcome[0] is null ? "Trần Văn Ân" : "Trần Văn An";
        var retried = await host.RunAsync(chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, loser)));
        Assert.Equal(FlowTexts.FlowCardOutOfDate, retried[^1].Text);
        Assert.Equal(state, await host.FindStateAsync(AnSample));
    }

    [Fact]
    public async Task CommitAsync_SameStartCommandTwiceAtOnce_StartsOnce()
    {
        var chat = new ChatTranscript("a:personal-an");
        await using var first = await host.BeginAsync(chat.Say(FlowTestMembers.An, "thử mẫu"));
        await using var second = await host.BeginAsync(chat.Say(FlowTestMembers.An, "thử mẫu"));

        var outcome = await Task.WhenAll(new[] { first.CommitAsync(), second.CommitAsync() }.Select(Outcome));

        Assert.IsType<ConcurrentChangeException>(Assert.Single(outcome, e => e is not null));
        var state = await host.FindStateAsync(AnSample);
        Assert.Equal((SampleFlow.NameStep, 1, FlowStatus.Active), (state!.Step, state.Version, state.Status));
    }

    [Fact]
    public async Task RunAsync_TwoDevicesInterleaved_EachAnswerCountsOnceAndStaleCardsAreReplaced()
    {
        var phone = new ChatTranscript("a:phone");
        var desktop = new ChatTranscript("a:desktop");
        var phoneName = Assert.Single(await host.SendAsync(phone, phone.Say(FlowTestMembers.An, "thử mẫu")));
        var desktopName = Assert.Single(await host.SendAsync(desktop, desktop.Say(FlowTestMembers.An, "tiếp tục")));

        var desktopAge = Assert.Single(await host.SendAsync(desktop, desktop.Press(FlowTestMembers.An, desktopName, (SampleFlow.NameInput, "Trần Văn An"))));
        var phoneAge = Assert.Single(await host.SendAsync(phone, phone.Press(FlowTestMembers.An, phoneName, (SampleFlow.NameInput, "Nhầm Tên"))));
        var phoneDone = Assert.Single(await host.SendAsync(phone, phone.Press(FlowTestMembers.An, phoneAge, (SampleFlow.AgeInput, "45"))));
        var desktopLate = await host.RunAsync(desktop.Press(FlowTestMembers.An, desktopAge, (SampleFlow.AgeInput, "99")));
        desktop.Apply(desktopLate);

        Assert.Equal(FlowTexts.FlowCardOutOfDate, phoneAge.Text);
        Assert.Equal(ChatTranscript.DataOf(desktopAge), ChatTranscript.DataOf(phoneAge));
        Assert.True(JsonNode.DeepEquals(OutdatedCard.Build(), phone[phoneName.Id].Card));
        Assert.Contains("Trần Văn An", Texts(phoneDone));
        Assert.Contains("45", Texts(phoneDone));
        Assert.Equal(FlowTexts.FlowEndedCardOutOfDate, desktopLate[^1].Text);
        Assert.True(JsonNode.DeepEquals(OutdatedCard.Build(), desktop[desktopAge.Id].Card));
        var state = await host.FindStateAsync(AnSample);
        Assert.Equal((FlowStatus.Completed, 3), (state!.Status, state.Version));
        Assert.Contains("\"age\":45", state.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AnotherMembersCardInAGroup_IsRefusedWithOneLineAndChangesNothing()
    {
        var group = new ChatTranscript("19:meeting@thread.v2", isGroup: true);
        var ansCard = Assert.Single(await host.SendAsync(group, group.Say(FlowTestMembers.An, "thử mẫu")));

        var refused = await host.RunAsync(group.Press(FlowTestMembers.Binh, ansCard, (SampleFlow.NameInput, "Lê Thị Bình")));
        group.Apply(refused);
        var ansAnswer = await host.SendAsync(group, group.Press(FlowTestMembers.An, ansCard, (SampleFlow.NameInput, "Trần Văn An")));

        var line = Assert.Single(refused);
        Assert.Equal(FlowTexts.FlowCardNotYours, line.Text);
        Assert.Null(line.Card);
        Assert.Null(line.UpdateActivityId);
        Assert.Null(await host.FindStateAsync(AnSample with { MemberId = FlowTestMembers.Binh.MemberId }));
        Assert.Equal(SampleFlow.AgeStep, ChatTranscript.DataOf(Assert.Single(ansAnswer))!.Step);
        Assert.Contains("Trần Văn An", (await host.FindStateAsync(AnSample))!.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HuyThenText_TextIsNotTakenAndTheOldCardIsOutOfDate()
    {
        var chat = new ChatTranscript("a:personal-an");
        var nameCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));

        var cancelled = Assert.Single(await host.RunAsync(chat.Say(FlowTestMembers.An, "Hủy")));
        await using var typed = await host.BeginAsync(chat.Say(FlowTestMembers.An, "Trần Văn An"));
        await typed.CommitAsync();
        var pressed = await host.RunAsync(chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn An")));
        var resumed = Assert.Single(await host.RunAsync(chat.Say(FlowTestMembers.An, "tiếp tục")));

        Assert.Equal(FlowTexts.FlowCancelled, cancelled.Text);
        Assert.Equal(TurnAnswerer.Fallback, typed.Answerer);
        Assert.Equal(FlowTexts.FlowEndedCardOutOfDate, pressed[^1].Text);
        Assert.Equal(FlowTexts.FlowNothingToResume, resumed.Text);
        var state = await host.FindStateAsync(AnSample);
        Assert.Equal((FlowStatus.Cancelled, 2), (state!.Status, state.Version));
    }

    [Fact]
    public async Task RunAsync_StartAgainAfterHuy_BeginsAnewAndOldCardsStayOutOfDate()
    {
        var chat = new ChatTranscript("a:personal-an");
        var firstRun = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));
        await host.RunAsync(chat.Say(FlowTestMembers.An, "hủy"));

        var secondRun = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));
        var old = await host.RunAsync(chat.Press(FlowTestMembers.An, firstRun, (SampleFlow.NameInput, "Trần Văn An")));

        Assert.Equal(new FlowCardData(SampleFlow.FlowName, SampleFlow.NameStep, 3, FlowTestMembers.An.MemberId, Guid.Empty), ChatTranscript.DataOf(secondRun));
        Assert.Equal(FlowTexts.FlowCardOutOfDate, old[^1].Text);
        Assert.Equal((SampleFlow.NameStep, 3, FlowStatus.Active), await StepOf(AnSample));
    }

    [Fact]
    public async Task RunAsync_RefusedCardAnswer_ComesBackWithWhatWasSubmittedInTheBox()
    {
        var chat = new ChatTranscript("a:personal-an");
        var nameCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));
        var ageCard = Assert.Single(await host.SendAsync(chat, chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn An"))));

        var refused = Assert.Single(await host.RunAsync(chat.Press(FlowTestMembers.An, ageCard, (SampleFlow.AgeInput, "bốn mươi lăm"))));

        Assert.Equal(ageCard.Id, refused.UpdateActivityId);
        Assert.Contains(SampleFlow.AgeInvalid, Texts(new ChatMessage("-", null, refused.Card)));
        var box = refused.Card!["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["id"] == SampleFlow.AgeInput);
        Assert.Equal("bốn mươi lăm", (string?)box["value"]);
        Assert.Equal((SampleFlow.AgeStep, 2, FlowStatus.Active), await StepOf(AnSample));
    }

    [Fact]
    public async Task RunAsync_HuyWithNoActiveFlow_SaysSoAndChangesNothing()
    {
        var chat = new ChatTranscript("a:personal-an");

        var reply = Assert.Single(await host.RunAsync(chat.Say(FlowTestMembers.An, "huy")));

        Assert.Equal(FlowTexts.FlowNothingToCancel, reply.Text);
        Assert.Null(await host.FindStateAsync(AnSample));
    }

    [Fact]
    public async Task ContinueAsync_TypedAnswers_MoveTheFlowOnAndARefusedOneKeepsTheStep()
    {
        var chat = new ChatTranscript("a:personal-an");
        await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu"));

        await using var name = await host.BeginAsync(chat.Say(FlowTestMembers.An, "Trần Văn An"));
        await name.CommitAsync();
        chat.Apply(name.Replies);
        await using var badAge = await host.BeginAsync(chat.Say(FlowTestMembers.An, "bốn mươi"));
        await badAge.CommitAsync();

        Assert.Equal(TurnAnswerer.ActiveFlow, name.Answerer);
        Assert.Null(Assert.Single(name.Replies).UpdateActivityId);
        Assert.Equal(TurnAnswerer.ActiveFlow, badAge.Answerer);
        var again = Assert.Single(badAge.Replies);
        Assert.Null(again.UpdateActivityId);
        Assert.Contains(SampleFlow.AgeInvalid, Texts(new ChatMessage("-", null, again.Card)));
        Assert.Equal((SampleFlow.AgeStep, 2, FlowStatus.Active), await StepOf(AnSample));
    }

    [Fact]
    public async Task RunAsync_StartCommandWhileTheFlowIsActive_ResumesWithoutLosingAnswers()
    {
        var chat = new ChatTranscript("a:personal-an");
        var nameCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));
        await host.SendAsync(chat, chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn An")));

        var reply = Assert.Single(await host.RunAsync(chat.Say(FlowTestMembers.An, "thử mẫu")));

        Assert.Equal(FlowTexts.FlowAlreadyActive, reply.Text);
        Assert.Equal(SampleFlow.AgeStep, ChatTranscript.DataOf(new ChatMessage("-", null, reply.Card))!.Step);
        Assert.Equal((SampleFlow.AgeStep, 2, FlowStatus.Active), await StepOf(AnSample));
    }

    [Fact]
    public async Task RunAsync_ChannelWithoutUpdates_AnswersWithNewMessagesOnly()
    {
        var chat = new ChatTranscript("a:personal-an", supportsUpdates: false);
        var nameCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));

        var empty = await host.RunAsync(chat.Press(FlowTestMembers.An, nameCard));
        var answered = await host.RunAsync(chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn An")));
        var stale = await host.RunAsync(chat.Press(FlowTestMembers.An, nameCard, (SampleFlow.NameInput, "Trần Văn An")));

        Assert.All(empty.Concat(answered).Concat(stale), reply => Assert.Null(reply.UpdateActivityId));
        Assert.Contains(SampleFlow.NameMissing, Texts(new ChatMessage("-", null, Assert.Single(empty).Card)));
        Assert.Single(answered);
        Assert.Equal(FlowTexts.FlowCardOutOfDate, Assert.Single(stale).Text);
    }

    [Fact]
    public async Task RunAsync_FlowKeptPerCycle_CardsNameTheCycleAndItsStateIsApart()
    {
        var chat = new ChatTranscript("a:personal-an");
        var sampleCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu")));
        var cycleCard = Assert.Single(await host.SendAsync(chat, chat.Say(FlowTestMembers.An, "thử mẫu đợt")));

        await host.SendAsync(chat, chat.Press(FlowTestMembers.An, cycleCard, (SampleFlow.NameInput, "Trần Văn An")));
        var resumed = Assert.Single(await host.RunAsync(chat.Say(FlowTestMembers.An, "tiếp tục")));

        var cycleKey = new FlowStateKey(FlowTestMembers.An.MemberId, PerCycleSampleFlow.CycleId, PerCycleSampleFlow.PerCycleFlowName);
        Assert.Equal(PerCycleSampleFlow.CycleId, ChatTranscript.DataOf(cycleCard)!.Cycle);
        Assert.Equal((SampleFlow.AgeStep, 2, FlowStatus.Active), await StepOf(cycleKey));
        Assert.Equal((SampleFlow.NameStep, 1, FlowStatus.Active), await StepOf(AnSample));
        Assert.Equal(PerCycleSampleFlow.PerCycleFlowName, ChatTranscript.DataOf(new ChatMessage("-", null, resumed.Card))!.Flow);
        Assert.Equal(Guid.Empty, ChatTranscript.DataOf(sampleCard)!.Cycle);
    }

    [Fact]
    public async Task RunAsync_TurnWithoutRosterMember_DoesNothing()
    {
        var chat = new ChatTranscript("a:personal-stranger");
        var turn = chat.Say(FlowTestMembers.An, "thử mẫu") with { Member = null };

        var replies = await host.RunAsync(turn);
        await using var typed = await host.BeginAsync(chat.Say(FlowTestMembers.An, "Trần Văn An") with { Member = null });

        Assert.Empty(replies);
        Assert.Equal(TurnAnswerer.Fallback, typed.Answerer);
        Assert.Null(await host.FindStateAsync(AnSample));
    }

    private async Task<(string, int, FlowStatus)> StepOf(FlowStateKey key)
    {
        var state = await host.FindStateAsync(key) ?? throw new InvalidOperationException("No state stored.");
        return (state.Step, state.Version, state.Status);
    }

    private static async Task<Exception?> Outcome(Task commit)
    {
        try
        {
            await commit;
            return null;
        }
        catch (ConcurrentChangeException exception)
        {
            return exception;
        }
    }

    private static List<JsonObject> Buttons(ChatMessage message) =>
        [.. Objects(message.Card).Where(o => (string?)o["type"] is { } type && type.StartsWith("Action.", StringComparison.Ordinal))];

    private static List<string> Texts(ChatMessage message) =>
        [.. Objects(message.Card).SelectMany(o => new[] { o["text"], o["title"], o["value"] }).OfType<JsonValue>()
            .Where(v => v.TryGetValue<string>(out _)).Select(v => v.GetValue<string>())];

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(child => Objects(child.Value))],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };
}

public sealed class SqliteFlowEngineTests() : FlowEngineTests(StorageProvider.Sqlite);

public sealed class PostgresFlowEngineTests() : FlowEngineTests(StorageProvider.PostgreSQL);
