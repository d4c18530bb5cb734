using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Flows;
using KiemDiemBot.Dialogs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// The real host (Program) in Teams mode, as it runs in production: Kestrel on 127.0.0.1, PostgreSQL, channel
/// tokens checked against the bench's OpenID issuer, outbound tokens from <see cref="FakeEntraId"/> through MSAL
/// (its HTTP client's handler is the fake: MSAL accepts only https authorities, so Entra cannot be a loopback
/// server), replies to <see cref="BenchConnector"/>. The only addition is the sample flow.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    public const string AppId = "7d3c1b2a-5e4f-4a6b-8c9d-0e1f2a3b4c5d";
    public const string AppSecret = "bench-secret-not-used-elsewhere";
    public const string TenantId = "3f2e1d0c-9b8a-4765-a4b3-c2d1e0f9a8b7";

    private readonly WebApplicationFactory<Program> factory;

    private BotUnderTest(WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        this.factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The settings the bench gives the host; <paramref name="overrides"/> win.</summary>
    public static IReadOnlyDictionary<string, string> Settings(
        string connectionString, string metadataUrl, IReadOnlyDictionary<string, string> overrides)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = AppSecret,
            ["Bot:MicrosoftAppTenantId"] = TenantId,
            ["Bot:AllowedTenants:0"] = TenantId,
            ["Bot:OpenIdMetadataUrl"] = metadataUrl,
            // Never reached: the Entra client's handler answers; a name that cannot resolve makes sure of it.
            ["Bot:AuthorityHost"] = "https://login.bench.invalid",
            ["Bot:ConnectorHosts:0"] = "127.0.0.1",
            ["Storage:Provider"] = "PostgreSQL",
            ["ConnectionStrings:KiemDiem"] = connectionString,
            // A log line per turn on the console would measure the console.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        return settings;
    }

    public static BotUnderTest Start(IReadOnlyDictionary<string, string> settings, FakeEntraId entra)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Production);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
            {
                services.AddKiemDiemFlow<SampleFlow>();
                services.AddHttpClient(ConnectorHttpClients.Entra).ConfigurePrimaryHttpMessageHandler(() => entra);
            });
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotUnderTest(factory, new Uri(address.TrimEnd('/') + "/"));
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
