using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Auth;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>The bot in channel mode with its own test issuer and an endorsed Teams key: posts activities as the Bot Connector does.</summary>
public sealed class ChannelBot : IAsyncDisposable
{
    private readonly TestTokenIssuer issuer;
    private readonly TestSigningKey teamsKey;

    private ChannelBot(TestTokenIssuer issuer, TestSigningKey teamsKey, BotApplicationFactory factory)
    {
        this.issuer = issuer;
        this.teamsKey = teamsKey;
        Factory = factory;
    }

    public BotApplicationFactory Factory { get; }

    public static async Task<ChannelBot> StartAsync(TestHostSettings? host = null)
    {
        var issuer = await TestTokenIssuer.StartAsync();
        var key = issuer.PublishKey(TestTokenIssuer.TeamsChannel);
        return new ChannelBot(issuer, key, BotApplicationFactory.ForChannel(issuer.MetadataUrl, host: host));
    }

    /// <summary>Posts with a valid token whose <c>serviceurl</c> is the scene's.</summary>
    public Task<HttpResponseMessage> PostAsync(TestScene scene, JsonObject activity) =>
        Factory.PostActivityAsync(activity, TestTokenIssuer.CreateToken(
            TestTokenIssuer.Rs256(teamsKey), BotApplicationFactory.AppId, scene.ServiceUrl, Factory.Clock.GetUtcNow()));

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await issuer.DisposeAsync();
    }
}
