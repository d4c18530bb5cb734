using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Messaging;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Connector;

/// <summary>
/// The Connector client when the network fails it (a dropped connection, a Connector that never answers) and
/// when a stored serviceUrl points off the allow-list. Time is fake: the attempt timeout (20 s), the call's
/// time limit (60 s) and the backoff (1 s, 2 s, ...) pass only when the test advances the clock.
/// </summary>
public sealed class ConnectorTransportTests
{
    private const string Chat = "a:1p0iicaJlVi-transport-under-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly ConnectorRetryOptions Limits = new();

    [Fact]
    public async Task SendToConversationAsync_ConnectionDroppedThenAnswered_RetriedAfterBackoff()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(1, FakeConnectorFailure.ConnectionDropped);

        var send = harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);
        var delay = await harness.Time.NextDelayAsync(Timeout);
        harness.Time.Advance(delay);
        var response = await send.WaitAsync(Timeout);

        Assert.Equal(Limits.BaseDelay, delay);
        Assert.Equal([0, 201], harness.Connector.Requests.Select(r => r.Status));
        var received = Assert.Single(harness.Connector.Activities);
        Assert.Equal(received.ActivityId, response.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_ConnectorHangsOnce_AbandonedAtAttemptTimeoutAndRetried()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(1, FakeConnectorFailure.Hang);

        var send = harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);
        await harness.Connector.WaitForRequestsAsync(1, Timeout);
        harness.Time.Advance(Limits.AttemptTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(send.IsCompleted);
        Assert.False(harness.Time.HasPendingDelay);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var delay = await harness.Time.NextDelayAsync(Timeout);
        harness.Time.Advance(delay);
        var response = await send.WaitAsync(Timeout);

        Assert.Equal(Limits.BaseDelay, delay);
        Assert.Equal([0, 201], harness.Connector.Requests.Select(r => r.Status));
        Assert.Equal(Assert.Single(harness.Connector.Activities).ActivityId, response.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_ConnectorAlwaysHangs_GivesUpWhenTheCallTimeIsUsedUp()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(Limits.MaxRetries + 1, FakeConnectorFailure.Hang);
        var started = harness.Time.GetUtcNow();

        var send = harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);
        // 20 s attempt, 1 s wait, 20 s attempt, 2 s wait: 43 s used, so the third attempt gets the 17 s left.
        await harness.Connector.WaitForRequestsAsync(1, Timeout);
        harness.Time.Advance(Limits.AttemptTimeout);
        harness.Time.Advance(await harness.Time.NextDelayAsync(Timeout));
        await harness.Connector.WaitForRequestsAsync(2, Timeout);
        harness.Time.Advance(Limits.AttemptTimeout);
        harness.Time.Advance(await harness.Time.NextDelayAsync(Timeout));
        await harness.Connector.WaitForRequestsAsync(3, Timeout);
        harness.Time.Advance(Limits.CallTimeout - (harness.Time.GetUtcNow() - started));

        await Assert.ThrowsAsync<TimeoutException>(() => send.WaitAsync(Timeout));
        Assert.Equal(Limits.CallTimeout, harness.Time.GetUtcNow() - started);
        Assert.Equal(3, harness.Connector.CountRequests("SendToConversation"));
        Assert.False(harness.Time.HasPendingDelay);
        Assert.Empty(harness.Connector.Activities);
    }

    [Fact]
    public async Task SendAsync_StoredServiceUrlOffTheAllowList_RefusedBeforeAnyRequestOrToken()
    {
        using var database = new SqliteTestDatabase();
        await using var harness = await OutboundHarness.StartAsync(
            storage: new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = database.ConnectionString });
        var conversation = new StoredConversationReference(
            "msteams", Chat, "29:1member", "aad-object-id", "28:" + OutboundHarness.AppId,
            "https://smba.trafficmanager.net.attacker.example/teams/", OutboundHarness.TenantId, "personal", "vi-VN");
        await using (var scope = harness.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().UpsertNowAsync(conversation, CancellationToken.None);
        }

        await using var sending = harness.CreateScope();
        var messenger = sending.ServiceProvider.GetRequiredService<IConversationMessenger>();
        var error = await Assert.ThrowsAsync<ConnectorHostNotAllowedException>(
            () => messenger.SendAsync(conversation, Message("reminder"), CancellationToken.None));

        Assert.Equal("smba.trafficmanager.net.attacker.example", error.Host);
        Assert.Empty(harness.Connector.Requests);
        Assert.Equal(0, harness.Entra.TokenRequestCount);
    }

    [Fact]
    public async Task CreateConversationAsync_PlainHttpToATeamsHost_RefusedBeforeAnyRequest()
    {
        await using var harness = await OutboundHarness.StartAsync();
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Members = [new ChannelAccount { Id = "29:1member" }],
            TenantId = OutboundHarness.TenantId,
        };

        await Assert.ThrowsAsync<ConnectorHostNotAllowedException>(
            () => harness.Client.CreateConversationAsync("http://smba.trafficmanager.net/teams/", parameters, CancellationToken.None));

        Assert.Empty(harness.Connector.Requests);
        Assert.Equal(0, harness.Entra.TokenRequestCount);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://SMBA.TrafficManager.NET/emea/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/", true)]
    [InlineData("https://tenant-a.connector.example.org/", true)]
    [InlineData("https://connector.example.org/", false)]
    [InlineData("https://badconnector.example.org/", false)]
    [InlineData("https://smba.trafficmanager.net.attacker.example/", false)]
    [InlineData("http://smba.trafficmanager.net/teams/", false)]
    [InlineData("http://127.0.0.1:5000/", false)]
    public void IsAllowed_ServiceUrl_OnlyListedHostsOverHttps(string serviceUrl, bool allowed)
    {
        var options = new BotOptions { ConnectorHosts = [.. BotOptions.TeamsConnectorHosts, "*.connector.example.org"] };

        Assert.Equal(allowed, new ConnectorHostAllowList(options).IsAllowed(new Uri(serviceUrl)));
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
