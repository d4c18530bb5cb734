using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Tests.Fakes;

namespace KiemDiemBot.Bot.Tests.Deliveries;

/// <summary>
/// A fan-out's sends share one Entra ID token: concurrent sends on a cold cache ask Entra ID once, and a burst of
/// 401s with a revoked token forces one refresh, not one per send (PROTOCOL.md 3.1, 3.5).
/// </summary>
public sealed class TokenRefreshTests
{
    private const int Sends = 50;

    [Fact]
    public async Task SendToConversationAsync_50ConcurrentSendsOnAColdCache_OneTokenRequest()
    {
        await using var harness = await StartAsync();

        await SendAllAsync(harness, "first");

        Assert.Equal(1, harness.Entra.TokenRequestCount);
        Assert.Equal(Sends, harness.Connector.Activities.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_50ConcurrentSendsAllAnswered401_OneRefreshAndAllDelivered()
    {
        await using var harness = await StartAsync();
        await SendAllAsync(harness, "first");
        harness.Entra.RevokeIssuedTokens();

        await SendAllAsync(harness, "second");
        await harness.Connector.WaitForActivitiesAsync(2 * Sends, TimeSpan.FromSeconds(10));

        Assert.Equal(2, harness.Entra.TokenRequestCount);
        Assert.Equal(Sends, harness.Connector.Activities.Count(a => a.Activity.Text == "second"));
        Assert.Equal(Sends, harness.Connector.Requests.Count(r => r.Status == 401));
    }

    private static async Task<OutboundHarness> StartAsync()
    {
        var harness = await OutboundHarness.StartAsync();
        // The harness's clock stands still: the tenant's window would never empty.
        harness.Connector.TenantLimit = 10_000;
        for (var i = 0; i < Sends; i++)
        {
            harness.Connector.AddConversation(Chat(i));
        }
        return harness;
    }

    private static Task SendAllAsync(OutboundHarness harness, string text) =>
        Task.WhenAll(Enumerable.Range(0, Sends).Select(i => Task.Run(() =>
            harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat(i), new Activity { Type = "message", Text = text }, CancellationToken.None))));

    private static string Chat(int i) => "a:token-test-chat-" + i;
}
