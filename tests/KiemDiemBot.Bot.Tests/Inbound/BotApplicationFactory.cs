using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hangfire;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Turns;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>
/// The real host on a fresh SQLite database (migrated by the host at start, as the embedded default is), with the Connector, the dialogs and one invoke handler replaced
/// by test doubles. Channel mode points the token check at a <see cref="Auth.TestTokenIssuer"/>; local mode
/// has no app id.
/// </summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    public const string AppId = "5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01";
    public const string AppTenantId = "0c7e2a51-3f4b-4d6e-8a9b-1c2d3e4f5a6b";
    public const string AllowedTenantId = "50612dbb-7a3c-4e1f-9b2d-6c8e0f1a2b3c";
    public const string HelpCommand = "Trợ giúp";

    /// <summary>Local mode: the host's own serviceUrl, the only one its activities may carry (as Kestrel on port 3978 would report it).</summary>
    public const string LocalServiceUrl = "http://127.0.0.1:3978/";

    private readonly SqliteTestDatabase? database;
    private readonly string? metadataUrl;
    private readonly IReadOnlyList<string> allowedTenants;
    private readonly TestHostSettings host;

    private BotApplicationFactory(string? metadataUrl, IReadOnlyList<string> allowedTenants, TestHostSettings? host)
    {
        this.metadataUrl = metadataUrl;
        this.allowedTenants = allowedTenants;
        this.host = host ?? new TestHostSettings();
        database = this.host.ConnectionString is null ? new SqliteTestDatabase() : null;
        Connector = this.host.Connector ?? new TestConnectorClient();
        Clock = this.host.Clock ?? new FakeTimeProvider(Start);
    }

    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public TestConnectorClient Connector { get; }

    public TestWelcomeDialog Welcome { get; } = new();

    public TestFallbackDialog Fallback { get; } = new();

    public TestCommandDialog Help { get; } = new("help", [HelpCommand], [CardVerbs.ShowHelp]);

    public TestInvokeHandler Echo { get; } = new();

    /// <summary>Every line the host logs.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>Channel mode: tokens from the test issuer; the allow-list defaults to <see cref="AllowedTenantId"/>.</summary>
    public static BotApplicationFactory ForChannel(string metadataUrl, IReadOnlyList<string>? allowedTenants = null, TestHostSettings? host = null) =>
        new(metadataUrl, allowedTenants ?? [AllowedTenantId], host);

    /// <summary>Local mode: no app id, no token, loopback only.</summary>
    public static BotApplicationFactory ForLocal(TestHostSettings? host = null) => new(null, [], host);

    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? token, string scheme = "Bearer")
    {
        return await PostRawAsync(activity.ToJsonString(), token, scheme);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesEndpoint.Route)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }
        return await CreateClient().SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("Storage:Provider", host.Provider.ToString());
        builder.UseSetting("ConnectionStrings:KiemDiem", host.ConnectionString ?? database!.ConnectionString);
        // Retries at once: tests that need a back-off move the clock themselves.
        builder.UseSetting("Turns:RetryBackOff", "00:00:00");
        foreach (var (key, value) in host.Settings)
        {
            builder.UseSetting(key, value);
        }
        if (metadataUrl is not null)
        {
            builder.UseSetting("Bot:MicrosoftAppId", AppId);
            builder.UseSetting("Bot:MicrosoftAppPassword", "test-secret-not-used");
            builder.UseSetting("Bot:MicrosoftAppTenantId", AppTenantId);
            builder.UseSetting("Bot:OpenIdMetadataUrl", metadataUrl);
            for (var i = 0; i < allowedTenants.Count; i++)
            {
                builder.UseSetting($"Bot:AllowedTenants:{i}", allowedTenants[i]);
            }
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            services.RemoveAll<IDialog>();
            services.RemoveAll<IWelcomeDialog>();
            services.RemoveAll<IFallbackDialog>();
            services.AddSingleton<IWelcomeDialog>(Welcome);
            services.AddSingleton<IFallbackDialog>(Fallback);
            services.AddSingleton<IDialog>(Help);
            services.AddSingleton<IInvokeHandler>(Echo);
            services.AddSingleton<ILoggerProvider>(Logs);
            // No Hangfire server: its every-minute reminder tick would run on the wall clock in the middle of any
            // test. Tests run a job themselves by resolving it (the job store and its recurring entries stay).
            foreach (var jobServer in services.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.Module.Assembly == typeof(BackgroundJobServerHostedService).Assembly).ToList())
            {
                services.Remove(jobServer);
            }
            if (metadataUrl is null)
            {
                // The in-memory test server listens nowhere; the local channel is told where it would.
                services.RemoveAll<LocalChannelAddress>();
                services.AddSingleton(new LocalChannelAddress(new ReportedAddressServer(LocalServiceUrl)));
            }
            host.Services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database?.Dispose();
    }
}
