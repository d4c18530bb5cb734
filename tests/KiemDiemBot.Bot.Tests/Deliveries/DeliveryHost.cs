using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Bot.Tests.Deliveries;

/// <summary>
/// The real host in Teams mode on a migrated database, its outbound side as in production: the Connector client
/// against a <see cref="FakeBotConnector"/> over HTTP, tokens from <see cref="FakeEntraId"/> through MSAL, the
/// machine's clock (the limits are measured in real time by the fake). Several hosts may share one database and one
/// fake Connector, as instances of one deployment do.
/// </summary>
public sealed class DeliveryHost : IAsyncDisposable
{
    public const string AppId = "6a1e9c2b-4d3f-4b5a-8c7d-9e0f1a2b3c4d";
    public const string AppSecret = "delivery-test-secret";
    public const string TenantId = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9";

    private readonly WebApplicationFactory<Program> factory;

    private DeliveryHost(WebApplicationFactory<Program> factory) => this.factory = factory;

    public IServiceProvider Services => factory.Services;

    /// <param name="sendsPerSecond">The tenant's proactive sends per second (Turns:ProactiveSendsPerSecond).</param>
    public static DeliveryHost Start(MigratedStorage storage, FakeEntraId entra, int sendsPerSecond, IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Development);
            web.UseSetting("Storage:Provider", storage.Provider.ToString());
            web.UseSetting("ConnectionStrings:KiemDiem", storage.ConnectionString);
            web.UseSetting("Bot:MicrosoftAppId", AppId);
            web.UseSetting("Bot:MicrosoftAppPassword", AppSecret);
            web.UseSetting("Bot:MicrosoftAppTenantId", TenantId);
            web.UseSetting("Bot:AllowedTenants:0", TenantId);
            // Never reached: the Entra client's handler answers.
            web.UseSetting("Bot:AuthorityHost", "https://login.deliveries.invalid");
            web.UseSetting("Bot:ConnectorHosts:0", "127.0.0.1");
            web.UseSetting("Turns:ProactiveSendsPerSecond", sendsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Find put-back messages soon after their slot, and retry failures soon.
            web.UseSetting("Turns:PollInterval", "00:00:00.100");
            web.UseSetting("Turns:RetryBackOff", "00:00:00.200");
            // Fewer lanes than the default 128: enough for these rates, and fewer connections opened at once to the
            // fake Connector, which shares this process (and a busy test machine) with the hosts.
            web.UseSetting("Turns:Lanes", "24");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
                services.AddHttpClient(ConnectorHttpClients.Entra).ConfigurePrimaryHttpMessageHandler(() => entra));
        });
        _ = factory.Services;
        return new DeliveryHost(factory);
    }

    /// <summary>Stages a card for <paramref name="members"/> on <paramref name="occasion"/> and commits, as a job would.</summary>
    public async Task<NoticeFanOut> StageAsync(IReadOnlyCollection<Guid> members, string occasion)
    {
        await using var scope = Services.CreateAsyncScope();
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Nhắc việc" }) };
        var result = await scope.ServiceProvider.GetRequiredService<IMemberNotices>().StageToMembersAsync(members, card, occasion, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>
    /// The occasion's deliveries once none is pending any more (the sender records each outcome right after the
    /// Connector's answer, so this follows the fake's last answer closely); fails after <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryRow>> SettledDeliveriesAsync(string occasion, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var rows = await TestDeliveries.ReadAsync(Services, occasion);
            if (rows.All(r => r.Status != DeliveryStatus.Pending))
            {
                return rows;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{rows.Count(r => r.Status == DeliveryStatus.Pending)} deliveries still pending after {timeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
