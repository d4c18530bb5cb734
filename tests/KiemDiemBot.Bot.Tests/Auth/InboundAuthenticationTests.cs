using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Auth;
using KiemDiemBot.Bot.Tests.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace KiemDiemBot.Bot.Tests.Auth;

/// <summary>
/// The token check of PROTOCOL.md 2.5 against a local issuer: every refusal is 401 with an empty body and
/// the invoke handler never runs.
/// </summary>
public sealed class InboundAuthenticationTests : IAsyncLifetime
{
    private TestTokenIssuer issuer = null!;
    private BotApplicationFactory bot = null!;
    private TestSigningKey teamsKey = null!;

    public async Task InitializeAsync()
    {
        issuer = await TestTokenIssuer.StartAsync();
        teamsKey = issuer.PublishKey(TestTokenIssuer.TeamsChannel, "skype");
        bot = BotApplicationFactory.ForChannel(issuer.MetadataUrl);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await issuer.DisposeAsync();
    }

    [Fact]
    public async Task PostInvoke_ValidChannelToken_HandlerAnswersInTheSameResponse()
    {
        var scene = TestScene.Personal();
        var invoke = scene.Invoke(TestInvokeHandler.InvokeName);

        var response = await bot.PostActivityAsync(invoke, Token(teamsKey, scene));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(invoke["id"]!.GetValue<string>(), body?["echo"]?.GetValue<string>());
        Assert.Equal(1, bot.Echo.Calls);
    }

    [Fact]
    public async Task PostInvoke_WrongIssuer_Unauthorized()
    {
        var scene = TestScene.Personal();

        var response = await bot.PostActivityAsync(
            scene.Invoke(TestInvokeHandler.InvokeName),
            Token(teamsKey, scene, d => d.Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_WrongAudience_Unauthorized()
    {
        var scene = TestScene.Personal();

        var response = await bot.PostActivityAsync(
            scene.Invoke(TestInvokeHandler.InvokeName),
            Token(teamsKey, scene, d => d.Audience = "9d3c0e1b-2222-4f4f-8888-0123456789ab"));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_ExpiredBeyondClockSkew_Unauthorized()
    {
        var scene = TestScene.Personal();
        var now = bot.Clock.GetUtcNow().UtcDateTime;

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(teamsKey, scene, d =>
        {
            d.IssuedAt = d.NotBefore = now.AddHours(-1);
            d.Expires = now.AddMinutes(-6);
        }));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_ExpiredWithinClockSkew_Accepted()
    {
        var scene = TestScene.Personal();
        var now = bot.Clock.GetUtcNow().UtcDateTime;

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(teamsKey, scene, d =>
        {
            d.IssuedAt = d.NotBefore = now.AddHours(-1);
            d.Expires = now.AddMinutes(-4);
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bot.Echo.Calls);
    }

    [Fact]
    public async Task PostInvoke_NotYetValid_Unauthorized()
    {
        var scene = TestScene.Personal();
        var now = bot.Clock.GetUtcNow().UtcDateTime;

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(teamsKey, scene, d =>
        {
            d.IssuedAt = d.NotBefore = now.AddMinutes(6);
            d.Expires = now.AddHours(1);
        }));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_SignedByAnotherKeyUnderAPublishedKid_Unauthorized()
    {
        var scene = TestScene.Personal();
        using var forger = RSA.Create(2048);
        var forged = new SigningCredentials(new RsaSecurityKey(forger) { KeyId = teamsKey.KeyId }, SecurityAlgorithms.RsaSha256);

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(forged, scene));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_Hs256Token_Unauthorized()
    {
        var scene = TestScene.Personal();
        var symmetric = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)) { KeyId = teamsKey.KeyId };

        var response = await bot.PostActivityAsync(
            scene.Invoke(TestInvokeHandler.InvokeName),
            Token(new SigningCredentials(symmetric, SecurityAlgorithms.HmacSha256), scene));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_KeyNeverPublished_Unauthorized()
    {
        var scene = TestScene.Personal();
        var unpublished = issuer.CreateUnpublishedKey([TestTokenIssuer.TeamsChannel]);

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(unpublished, scene));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_KeyPublishedAfterTheKeySetWasCached_AcceptedAfterRefresh()
    {
        var scene = TestScene.Personal();
        var first = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(teamsKey, scene));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var rotated = issuer.PublishKey(TestTokenIssuer.TeamsChannel);

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(rotated, scene));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, bot.Echo.Calls);
    }

    [Fact]
    public async Task PostInvoke_KeyEndorsedForAnotherChannelOnly_Unauthorized()
    {
        var scene = TestScene.Personal();
        var webChatKey = issuer.PublishKey("webchat");

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(webChatKey, scene));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_KeyWithoutEndorsements_Unauthorized()
    {
        var scene = TestScene.Personal();
        var bareKey = issuer.PublishKey(endorsements: null);

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(bareKey, scene));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_ServiceUrlClaimForAnotherRegion_Unauthorized()
    {
        var scene = TestScene.Personal();
        var otherRegion = scene with { ServiceUrl = "https://smba.trafficmanager.net/emea/" };

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(teamsKey, otherRegion));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_ServiceUrlClaimDiffersOnlyInCase_Accepted()
    {
        var scene = TestScene.Personal();
        var upperCase = scene with { ServiceUrl = scene.ServiceUrl.ToUpperInvariant() };

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(teamsKey, upperCase));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostInvoke_NoAuthorizationHeader_Unauthorized()
    {
        var scene = TestScene.Personal();

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), token: null);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_ValidTokenUnderAnotherScheme_Unauthorized()
    {
        var scene = TestScene.Personal();

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(teamsKey, scene), scheme: "Basic");

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostInvoke_TenantNotInAllowList_Unauthorized()
    {
        var scene = TestScene.Personal(tenantId: "11111111-2222-3333-4444-555555555555");

        var response = await bot.PostActivityAsync(scene.Invoke(TestInvokeHandler.InvokeName), Token(teamsKey, scene));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task PostMessage_Unauthorized_TurnNeverRuns()
    {
        var scene = TestScene.Personal();
        var refused = await bot.PostActivityAsync(scene.Message("trợ giúp"), Token(teamsKey, scene, d => d.Audience = "someone-else"));
        var sentinel = scene.Message("trợ giúp");

        var accepted = await bot.PostActivityAsync(sentinel, Token(teamsKey, scene));

        await AssertRefusedAsync(refused);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        // One worker drains the queue in order: had the refused message been queued, its replies would come first.
        var first = await bot.Connector.NextAsync();
        Assert.Equal(sentinel["id"]!.GetValue<string>(), first.ReplyToActivityId);
    }

    [Fact]
    public async Task PostMessage_DirectLineChannelWithValidToken_UnauthorizedAndNothingRuns()
    {
        // The channel's keys sign for many channels; only the activity's channelId tells Direct Line from Teams.
        var multiChannelKey = issuer.PublishKey(TestTokenIssuer.TeamsChannel, "directline", "webchat");
        var scene = TestScene.Personal();
        var message = scene.Message("trợ giúp");
        message["channelId"] = "directline";

        var response = await bot.PostActivityAsync(message, Token(multiChannelKey, scene));

        await AssertRefusedAndNothingRunsAsync(response, scene, InboundAuthFailure.ChannelNotAllowed);
    }

    [Fact]
    public async Task PostMessage_TenantOnlyInChannelData_UnauthorizedAndNothingRuns()
    {
        var scene = TestScene.Personal();
        var message = scene.Message("trợ giúp");
        message["conversation"]!.AsObject().Remove("tenantId");

        var response = await bot.PostActivityAsync(message, Token(teamsKey, scene));

        await AssertRefusedAndNothingRunsAsync(response, scene, InboundAuthFailure.TenantMissing);
    }

    [Fact]
    public async Task PostMessage_ChannelDataNamesAnotherTenant_UnauthorizedAndNothingRuns()
    {
        var scene = TestScene.Personal();
        var message = scene.Message("trợ giúp");
        message["channelData"]!["tenant"]!["id"] = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

        var response = await bot.PostActivityAsync(message, Token(teamsKey, scene));

        await AssertRefusedAndNothingRunsAsync(response, scene, InboundAuthFailure.TenantMismatch);
    }

    [Fact]
    public async Task PostInvoke_AllowedTenantOnlyInChannelData_Unauthorized()
    {
        // The tenant is read from conversation.tenantId: an allowed one in channelData does not let a foreign one in.
        var scene = TestScene.Personal(tenantId: "11111111-2222-3333-4444-555555555555");
        var invoke = scene.Invoke(TestInvokeHandler.InvokeName);
        invoke["channelData"]!["tenant"]!["id"] = BotApplicationFactory.AllowedTenantId;

        var response = await bot.PostActivityAsync(invoke, Token(teamsKey, scene));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task AuthenticateAsync_ValidTokenAndUnreadableBody_DecidesWithoutReadingTheBody()
    {
        var scene = TestScene.Personal();
        var authenticator = bot.Services.GetRequiredService<InboundAuthenticator>();
        var withToken = RequestWithUnreadableBody($"Bearer {Token(teamsKey, scene)}");
        var withoutToken = RequestWithUnreadableBody(authorization: null);

        var accepted = await authenticator.AuthenticateAsync(withToken.Request, CancellationToken.None);
        var refused = await authenticator.AuthenticateAsync(withoutToken.Request, CancellationToken.None);

        Assert.True(accepted.Succeeded);
        Assert.Equal(InboundAuthFailure.MissingAuthorizationHeader, refused.Failure);
    }

    [Fact]
    public async Task PostMalformedJson_ValidToken_BadRequest()
    {
        var scene = TestScene.Personal();

        var response = await bot.PostRawAsync("{\"type\": \"message\", ", Token(teamsKey, scene));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostMalformedJson_NoToken_Unauthorized()
    {
        var response = await bot.PostRawAsync("{\"type\": \"message\", ", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostActivityWithoutType_ValidToken_BadRequest()
    {
        var scene = TestScene.Personal();
        var activity = scene.Message("trợ giúp");
        activity.Remove("type");

        var response = await bot.PostActivityAsync(activity, Token(teamsKey, scene));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(bot.Connector.HasUnread);
    }

    private string Token(TestSigningKey key, TestScene scene, Action<SecurityTokenDescriptor>? adjust = null) =>
        Token(TestTokenIssuer.Rs256(key), scene, adjust);

    private string Token(SigningCredentials credentials, TestScene scene, Action<SecurityTokenDescriptor>? adjust = null) =>
        TestTokenIssuer.CreateToken(credentials, BotApplicationFactory.AppId, scene.ServiceUrl, bot.Clock.GetUtcNow(), adjust);

    private static DefaultHttpContext RequestWithUnreadableBody(string? authorization)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Body = new UnreadableStream();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context;
    }

    /// <summary>
    /// 401 with no body, the reason logged, and nothing run: the one worker drains the conversation in order,
    /// so had the refused message been queued, its reply would come before the sentinel's.
    /// </summary>
    private async Task AssertRefusedAndNothingRunsAsync(HttpResponseMessage response, TestScene scene, InboundAuthFailure reason)
    {
        var sentinel = scene.Message("trợ giúp");
        var accepted = await bot.PostActivityAsync(sentinel, Token(teamsKey, scene));

        await AssertRefusedAsync(response);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var first = await bot.Connector.NextAsync();
        Assert.Equal(sentinel["id"]!.GetValue<string>(), first.ReplyToActivityId);
        // The welcome may be sent before the command dialog runs: it has seen the sentinel's turn at most.
        Assert.True(bot.Help.Turns.Count <= 1, $"The help dialog ran {bot.Help.Turns.Count} times.");
        var warnings = bot.Logs.Entries.Where(log => log.Level == LogLevel.Warning).Select(log => log.Message).ToList();
        Assert.True(warnings.Any(w => w.Contains(reason.ToString(), StringComparison.Ordinal)), $"No warning names {reason}; warnings: {string.Join(" | ", warnings)}");
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, bot.Echo.Calls);
    }

    /// <summary>A request body that fails the test if anything reads it.</summary>
    private sealed class UnreadableStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw Touched();

        public override long Position { get => throw Touched(); set => throw Touched(); }

        public override int Read(byte[] buffer, int offset, int count) => throw Touched();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw Touched();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw Touched();

        public override void Flush() => throw Touched();

        public override long Seek(long offset, SeekOrigin origin) => throw Touched();

        public override void SetLength(long value) => throw Touched();

        public override void Write(byte[] buffer, int offset, int count) => throw Touched();

        private static InvalidOperationException Touched() => new("The authenticator touched the request body.");
    }
}
