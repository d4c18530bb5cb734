using System.Net;
using System.Text;
using KiemDiemBot.Bot.Inbound;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>The HTTP answers of <c>POST /api/messages</c> (PROTOCOL.md 4.1, 11).</summary>
public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task PostInvoke_NoHandlerForTheName_NotImplementedWithEmptyBody()
    {
        await using var bot = await ChannelBot.StartAsync();
        var scene = TestScene.Personal();

        var response = await bot.PostAsync(scene, scene.Invoke("adaptiveCard/action"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, bot.Factory.Echo.Calls);
    }

    [Fact]
    public async Task PostMessage_LocalModeFromLoopback_Processed()
    {
        await using var factory = BotApplicationFactory.ForLocal();
        var scene = TestScene.Personal() with { ServiceUrl = BotApplicationFactory.LocalServiceUrl };
        var message = scene.Message("xin chào");

        var context = await PostFromAsync(factory, IPAddress.Loopback, message.ToJsonString());

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        var reply = await factory.Connector.NextAsync();
        Assert.Equal(message["id"]!.GetValue<string>(), reply.ReplyToActivityId);
    }

    [Fact]
    public async Task PostMessage_LocalModeFromAnotherAddress_Unauthorized()
    {
        await using var factory = BotApplicationFactory.ForLocal();
        var scene = TestScene.Personal() with { ServiceUrl = BotApplicationFactory.LocalServiceUrl };

        var refused = await PostFromAsync(factory, IPAddress.Parse("192.0.2.10"), scene.Message("xin chào").ToJsonString());
        var sentinel = scene.Message("xin chào");
        var accepted = await PostFromAsync(factory, IPAddress.IPv6Loopback, sentinel.ToJsonString());

        Assert.Equal(StatusCodes.Status401Unauthorized, refused.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, accepted.Response.StatusCode);
        var first = await factory.Connector.NextAsync();
        Assert.Equal(sentinel["id"]!.GetValue<string>(), first.ReplyToActivityId);
    }

    [Fact]
    public void InvokeRouter_TwoHandlersForOneName_Throws()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new InvokeRouter([new TestInvokeHandler(), new TestInvokeHandler()]));

        Assert.Contains(TestInvokeHandler.InvokeName, exception.Message, StringComparison.Ordinal);
    }

    private static Task<HttpContext> PostFromAsync(BotApplicationFactory factory, IPAddress remoteAddress, string body) =>
        factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = remoteAddress;
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = MessagesEndpoint.Route;
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        });
}
