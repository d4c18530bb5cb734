using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Turns;

/// <summary>
/// The durable inbox through the real host: nothing answered 200 is lost or done twice, across repeats,
/// races, restarts, two instances and a Connector that hangs.
/// </summary>
public abstract class DurableTurnTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private MigratedStorage storage = null!;

    public async Task InitializeAsync() =>
        storage = await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(BotApplicationFactory.Start));

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private TestHostSettings Shared(TestConnectorClient connector, FakeTimeProvider clock) => new()
    {
        Provider = storage.Provider,
        ConnectionString = storage.ConnectionString,
        Connector = connector,
        Clock = clock,
    };

    [Fact]
    public async Task PostMessage_SameActivityTwiceAndTwentyTimesAtOnce_RunsOneTurnEach()
    {
        await using var bot = await ChannelBot.StartAsync(Shared(new TestConnectorClient(), new FakeTimeProvider(BotApplicationFactory.Start)));
        var scene = TestScene.Channel();
        var twice = scene.MessageMentioningBot("một");
        var racing = scene.MessageMentioningBot("hai");

        var first = await bot.PostAsync(scene, twice);
        var again = await bot.PostAsync(scene, twice);
        var raced = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => bot.PostAsync(scene, racing)));
        var replies = new[] { await bot.Factory.Connector.NextAsync(), await bot.Factory.Connector.NextAsync() };

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.All(raced, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([Id(twice), Id(racing)], replies.Select(r => r.ReplyToActivityId));
        Assert.Null(await bot.Factory.Connector.TryNextAsync(Quiet));
        Assert.Equal(2, bot.Factory.Fallback.Turns.Count);
    }

    /// <summary>
    /// A member who answers the moment the reply arrives writes while the lane that sent it is finishing. The
    /// clock never moves, so no poll runs: every message must be seen by the lane or start a new one.
    /// </summary>
    [Fact]
    public async Task EachMessagePostedAsTheLastReplyArrives_IsAnsweredWithoutAPoll()
    {
        await using var bot = await ChannelBot.StartAsync(Shared(new TestConnectorClient(), new FakeTimeProvider(BotApplicationFactory.Start)));
        var scene = TestScene.Personal();
        var answered = new List<string>();
        var posted = new List<string>();

        for (var i = 0; i < 100; i++)
        {
            var message = scene.Message($"tin {i}");
            posted.Add(Id(message));
            Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(scene, message)).StatusCode);
            answered.Add((await bot.Factory.Connector.NextAsync()).ReplyToActivityId!);
        }

        Assert.Equal(posted, answered);
        Assert.Null(await bot.Factory.Connector.TryNextAsync(Quiet));
    }

    [Fact]
    public async Task PostInvoke_SameInvokeTwiceAndTenTimesAtOnce_HandlerRunsOnceAndEveryDeliveryGetsItsAnswer()
    {
        await using var bot = await ChannelBot.StartAsync(Shared(new TestConnectorClient(), new FakeTimeProvider(BotApplicationFactory.Start)));
        var scene = TestScene.Personal();
        var invoke = scene.Invoke(TestInvokeHandler.InvokeName);

        var first = await bot.PostAsync(scene, invoke);
        var others = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => bot.PostAsync(scene, invoke)));

        Assert.Equal(1, bot.Factory.Echo.Calls);
        var expected = await first.Content.ReadAsStringAsync();
        Assert.Contains(Id(invoke), expected, StringComparison.Ordinal);
        foreach (var response in others)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task HostStoppedWith500StoredTurns_RestartedHost_ProcessesEachOnceInOrderPerConversation()
    {
        var scenes = Enumerable.Range(0, 10).Select(_ => TestScene.Channel()).ToList();
        var posted = new ConcurrentDictionary<string, List<string>>();
        await using (var first = await ChannelBot.StartAsync(Shared(new TestConnectorClient(), new FakeTimeProvider(BotApplicationFactory.Start))))
        {
            // The first turn of each conversation is held inside the dialog, as a slow turn would be when the
            // host dies; everything behind it stays stored.
            first.Factory.Fallback.Gate = new TaskCompletionSource();
            await Task.WhenAll(scenes.Select(scene => PostManyAsync(first, scene, 50, posted)));
        }

        var connector = new TestConnectorClient();
        var clock = new FakeTimeProvider(BotApplicationFactory.Start);
        await using var second = await ChannelBot.StartAsync(Shared(connector, clock));
        _ = second.Factory.Server;
        var received = await ReceiveAsync(connector, clock, 500);

        AssertEachOnceInOrder(posted, received);
        Assert.Null(await connector.TryNextAsync(Quiet));
    }

    /// <summary>Several instances share a PostgreSQL database in production (SQLite is the single-instance embedded default).</summary>
    protected async Task TwoHostsOnOneDatabase_FiftyConversationsPostedToBoth_EveryTurnOnceInOrder()
    {
        var connector = new TestConnectorClient();
        var clock = new FakeTimeProvider(BotApplicationFactory.Start);
        await using var one = await ChannelBot.StartAsync(Shared(connector, clock));
        await using var two = await ChannelBot.StartAsync(Shared(connector, clock));
        var scenes = Enumerable.Range(0, 50).Select(_ => TestScene.Channel()).ToList();
        var posted = new ConcurrentDictionary<string, List<string>>();

        await Task.WhenAll(scenes.Select(scene => PostManyAsync(one, scene, 4, posted, alternate: two)));
        var received = await ReceiveAsync(connector, clock, 200);

        AssertEachOnceInOrder(posted, received);
        Assert.Null(await connector.TryNextAsync(Quiet));
    }

    [Fact]
    public async Task ConnectorHangsForOneConversation_OthersKeepFlowingAndTheMemberIsToldOnceAfterTheDeadlines()
    {
        var connector = new TestConnectorClient();
        var clock = new FakeTimeProvider(BotApplicationFactory.Start);
        await using var bot = await ChannelBot.StartAsync(Shared(connector, clock));
        var stuck = TestScene.Channel();
        var other = TestScene.Channel();
        connector.HangWhen = sent => sent.ConversationId == stuck.ConversationId && sent.Activity.Text == TestFallbackDialog.Reply;

        await bot.PostAsync(stuck, stuck.MessageMentioningBot("không trả lời"));
        await connector.HangStarted.ReadAsync();
        await bot.PostAsync(other, other.MessageMentioningBot("vẫn chạy"));
        var flowing = await connector.NextAsync();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            if (attempt < 3)
            {
                await connector.HangStarted.ReadAsync();
            }
        }
        var notice = await connector.NextAsync();

        Assert.Equal(other.ConversationId, flowing.ConversationId);
        Assert.Equal(stuck.ConversationId, notice.ConversationId);
        Assert.True(JsonNode.DeepEquals(TurnFailedCard.Build(), Assert.Single(notice.Activity.Attachments!).Content));
        Assert.Null(await connector.TryNextAsync(Quiet));
    }

    private static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();

    /// <summary>Posts messages one after the other (each answered before the next), as Teams delivers a conversation.</summary>
    private static async Task PostManyAsync(ChannelBot bot, TestScene scene, int count, ConcurrentDictionary<string, List<string>> posted, ChannelBot? alternate = null)
    {
        var ids = posted.GetOrAdd(scene.ConversationId, _ => []);
        for (var i = 0; i < count; i++)
        {
            var message = scene.MessageMentioningBot("tin " + i);
            var target = alternate is not null && i % 2 == 1 ? alternate : bot;
            var response = await target.PostAsync(scene, message);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add(Id(message));
        }
    }

    /// <summary>Collects replies; when none comes for a while, moves the clock so polls run and leases expire.</summary>
    private static async Task<List<SentActivity>> ReceiveAsync(TestConnectorClient connector, FakeTimeProvider clock, int count)
    {
        List<SentActivity> received = [];
        var idleRounds = 0;
        while (received.Count < count && idleRounds < 200)
        {
            if (await connector.TryNextAsync(TimeSpan.FromMilliseconds(200)) is { } sent)
            {
                received.Add(sent);
                idleRounds = 0;
                continue;
            }
            idleRounds++;
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        return received;
    }

    private static void AssertEachOnceInOrder(ConcurrentDictionary<string, List<string>> posted, List<SentActivity> received)
    {
        Assert.Equal(posted.Values.Sum(ids => ids.Count), received.Count);
        foreach (var (conversationId, ids) in posted)
        {
            var replies = received.Where(r => r.ConversationId == conversationId).Select(r => r.ReplyToActivityId!).ToList();
            Assert.Equal(ids, replies);
        }
    }
}

public sealed class SqliteDurableTurnTests() : DurableTurnTests(StorageProvider.Sqlite);

public sealed class PostgresDurableTurnTests() : DurableTurnTests(StorageProvider.PostgreSQL)
{
    [Fact]
    public Task TwoHosts_FiftyConversationsPostedToBoth_EveryTurnOnceInOrder() =>
        TwoHostsOnOneDatabase_FiftyConversationsPostedToBoth_EveryTurnOnceInOrder();
}
