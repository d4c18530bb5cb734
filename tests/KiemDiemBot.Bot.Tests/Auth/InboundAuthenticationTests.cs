using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Inbound;
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

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, bot.Echo.Calls);
    }
}
