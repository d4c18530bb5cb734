using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Auth;
using KiemDiemBot.Testing;

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

    private readonly ConcurrentDictionary<string, Lazy<Task>> enrolled = new(StringComparer.Ordinal);
    private Lazy<Task>? demo;

    /// <summary>
    /// Posts with a valid token whose <c>serviceurl</c> is the scene's. The scene's user is put on the roster
    /// first (known by their object id), unless the scene is a stranger's.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(TestScene scene, JsonObject activity)
    {
        if (scene.OnRoster)
        {
            await EnrolAsync(scene);
        }
        return await Factory.PostActivityAsync(activity, TestTokenIssuer.CreateToken(
            TestTokenIssuer.Rs256(teamsKey), BotApplicationFactory.AppId, scene.ServiceUrl, Factory.Clock.GetUtcNow()));
    }

    /// <summary>A valid channel token for the scene's serviceUrl, for tests that build their own requests.</summary>
    public string TokenFor(TestScene scene) =>
        TestTokenIssuer.CreateToken(TestTokenIssuer.Rs256(teamsKey), BotApplicationFactory.AppId, scene.ServiceUrl, Factory.Clock.GetUtcNow());

    private async Task EnrolAsync(TestScene scene)
    {
        var services = Factory.Services;
        Interlocked.CompareExchange(ref demo, new Lazy<Task>(() => TestRoster.SeedDemoAsync(services)), null);
        await demo.Value;
        await enrolled.GetOrAdd(scene.UserId, _ => new Lazy<Task>(() =>
            TestRoster.EnrolAsync(services, scene.UserId.Replace(":", "-", StringComparison.Ordinal) + "@test.kiemdiem.vn", "Nguyễn Văn An", Guid.Parse(scene.UserAadObjectId)))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await issuer.DisposeAsync();
    }
}
