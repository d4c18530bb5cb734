using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Auth;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.Tests.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Bot.Tests.Auth;

/// <summary>
/// Local mode takes activities without a token, from loopback only; their serviceUrl must be this host's own
/// local channel, or the bot's replies (with whatever they carry) would go to whoever the activity named.
/// </summary>
public sealed class LocalInboundAuthenticationTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://127.0.0.1:4000/")]
    [InlineData("http://localhost:3978/")]
    [InlineData("not a url")]
    public async Task PostMessage_LocalModeForeignServiceUrl_UnauthorizedAndNothingRuns(string serviceUrl)
    {
        await using var factory = BotApplicationFactory.ForLocal();
        var scene = TestScene.Personal() with { ServiceUrl = BotApplicationFactory.LocalServiceUrl };
        var foreign = scene.Message("trợ giúp");
        foreign["serviceUrl"] = serviceUrl;
        var sentinel = scene.Message("trợ giúp");

        var refused = await PostFromLoopbackAsync(factory, foreign);
        var accepted = await PostFromLoopbackAsync(factory, sentinel);

        Assert.Equal(StatusCodes.Status401Unauthorized, refused.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, accepted.Response.StatusCode);
        // One worker drains the conversation in order: had the refused message been queued, its reply would come first.
        var first = await factory.Connector.NextAsync();
        Assert.Equal(sentinel["id"]!.GetValue<string>(), first.ReplyToActivityId);
        Assert.Equal(BotApplicationFactory.LocalServiceUrl, first.ServiceUrl);
        // The welcome may be sent before the command dialog runs: it has seen the sentinel's turn at most.
        Assert.True(factory.Help.Turns.Count <= 1, $"The help dialog ran {factory.Help.Turns.Count} times.");
        var warnings = factory.Logs.Entries.Where(log => log.Level == LogLevel.Warning).Select(log => log.Message).ToList();
        Assert.True(
            warnings.Any(w => w.Contains(nameof(InboundAuthFailure.ServiceUrlNotLocal), StringComparison.Ordinal)),
            $"No warning names {nameof(InboundAuthFailure.ServiceUrlNotLocal)}; warnings: {string.Join(" | ", warnings)}");
    }

    private static Task<HttpContext> PostFromLoopbackAsync(BotApplicationFactory factory, JsonObject activity) =>
        factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Loopback;
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = MessagesEndpoint.Route;
            context.Request.Headers.Host = "127.0.0.1:3978";
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        });
}
