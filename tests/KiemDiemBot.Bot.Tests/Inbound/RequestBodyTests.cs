using System.Net;
using System.Text;
using KiemDiemBot.Bot.Inbound;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>
/// What <c>/api/messages</c> does with a body before anything is stored: the token is checked before a byte
/// is read, then the content type, then the size.
/// </summary>
public sealed class RequestBodyTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Post_NoAuthorizationHeaderWithABody_UnauthorizedWithoutReadingTheBody()
    {
        await using var bot = await ChannelBot.StartAsync();
        var body = new UnreadableStream();

        var context = await bot.Factory.Server.SendAsync(c => Prepare(c, "application/json", body));

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.False(body.WasRead);
    }

    [Fact]
    public async Task Post_TwoMegabyteBodyWithValidToken_PayloadTooLargeAndNothingStored()
    {
        await using var bot = await ChannelBot.StartAsync();
        var scene = TestScene.Personal();
        var activity = scene.Message(new string('a', 2 * 1024 * 1024));

        var response = await bot.PostAsync(scene, activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await bot.Factory.Connector.TryNextAsync(Quiet));
    }

    [Fact]
    public async Task Post_TwoMegabyteBodyWithoutToken_UnauthorizedNotTooLarge()
    {
        await using var bot = await ChannelBot.StartAsync();

        var response = await bot.Factory.PostRawAsync(new string('{', 2 * 1024 * 1024), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TextPlainWithValidToken_UnsupportedMediaTypeAndNothingStored()
    {
        await using var bot = await ChannelBot.StartAsync();
        var scene = TestScene.Personal();
        var token = bot.TokenFor(scene);
        var body = new MemoryStream(Encoding.UTF8.GetBytes(scene.Message("trợ giúp").ToJsonString()));

        var context = await bot.Factory.Server.SendAsync(c =>
        {
            Prepare(c, "text/plain", body);
            c.Request.Headers.Authorization = "Bearer " + token;
        });

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, context.Response.StatusCode);
        Assert.Null(await bot.Factory.Connector.TryNextAsync(Quiet));
    }

    [Fact]
    public async Task Post_LocalModeTextPlainFromLoopback_UnsupportedMediaTypeAndNothingStored()
    {
        await using var factory = BotApplicationFactory.ForLocal();
        var body = new MemoryStream(Encoding.UTF8.GetBytes(TestScene.Personal().Message("trợ giúp").ToJsonString()));

        var context = await factory.Server.SendAsync(c =>
        {
            Prepare(c, "text/plain", body);
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, context.Response.StatusCode);
        Assert.Null(await factory.Connector.TryNextAsync(Quiet));
    }

    private static void Prepare(HttpContext context, string contentType, Stream body)
    {
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = MessagesEndpoint.Route;
        context.Request.ContentType = contentType;
        context.Request.Body = body;
    }

    /// <summary>A request body that records any attempt to read it and refuses.</summary>
    private sealed class UnreadableStream : Stream
    {
        public bool WasRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            WasRead = true;
            throw new InvalidOperationException("The body of an unauthenticated request was read.");
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            WasRead = true;
            throw new InvalidOperationException("The body of an unauthenticated request was read.");
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
