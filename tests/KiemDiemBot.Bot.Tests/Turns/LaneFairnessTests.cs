using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Turns;

/// <summary>
/// More busy conversations than lanes: a conversation that always has another turn waiting must not keep its
/// lane while others wait for one (members who answer their cards at once would otherwise starve everyone else).
/// </summary>
public abstract class LaneFairnessTests(StorageProvider provider) : IAsyncLifetime
{
    private MigratedStorage storage = null!;

    public async Task InitializeAsync() =>
        storage = await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(BotApplicationFactory.Start));

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private TestHostSettings OneLane(TestConnectorClient connector) => new()
    {
        Provider = storage.Provider,
        ConnectionString = storage.ConnectionString,
        Connector = connector,
        Settings = new Dictionary<string, string> { ["Turns:Lanes"] = "1" },
    };

    [Fact]
    public async Task HostStarted_OneLaneAndAConversationWithSixTurnsStored_AnotherConversationIsAnsweredBeforeItsLastTurn()
    {
        var busy = TestScene.Channel();
        var other = TestScene.Channel();
        var busyMessages = Enumerable.Range(1, 6).Select(i => busy.MessageMentioningBot("tin " + i)).ToList();
        await using (var first = await ChannelBot.StartAsync(OneLane(new TestConnectorClient())))
        {
            // The first host holds the busy conversation's first turn in its only lane until it stops, so that
            // everything is still stored when the next host starts and finds both conversations at once.
            first.Factory.Fallback.Gate = new TaskCompletionSource();
            foreach (var message in busyMessages)
            {
                await first.PostAsync(busy, message);
            }
            await first.PostAsync(other, other.MessageMentioningBot("đến lượt tôi chưa?"));
        }

        var connector = new TestConnectorClient();
        await using var second = await ChannelBot.StartAsync(OneLane(connector));
        _ = second.Factory.Server;
        List<SentActivity> replies = [];
        for (var i = 0; i < busyMessages.Count + 1; i++)
        {
            replies.Add(await connector.NextAsync());
        }

        var otherAt = replies.FindIndex(r => r.ConversationId == other.ConversationId);
        var lastBusyAt = replies.FindLastIndex(r => r.ConversationId == busy.ConversationId);
        Assert.True(otherAt >= 0 && otherAt < lastBusyAt, $"The other conversation was answered in place {otherAt + 1} of {replies.Count}.");
        Assert.Equal(
            busyMessages.Select(m => m["id"]!.GetValue<string>()),
            replies.Where(r => r.ConversationId == busy.ConversationId).Select(r => r.ReplyToActivityId));
    }
}

public sealed class SqliteLaneFairnessTests() : LaneFairnessTests(StorageProvider.Sqlite);

public sealed class PostgresLaneFairnessTests() : LaneFairnessTests(StorageProvider.PostgreSQL);
