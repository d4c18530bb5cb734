using System.Net;
using Hangfire;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiemDiemBot.Bot.Tests.Operators;

/// <summary>
/// The real host in Teams mode (Production environment) on Kestrel at 127.0.0.1, with operator sign-in pointed at a
/// <see cref="FakeOpenIdProvider"/>, and the operator scene seeded into its SQLite database. A browser is played by
/// hand: redirects followed one by one, cookies kept per browser in a <see cref="Browser"/> (which, like a browser on
/// http://localhost, sends the cookies the host marks Secure).
/// </summary>
public sealed class OperatorHost : IAsyncDisposable
{
    public const string AppId = "7d2e4f60-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    public const string TenantId = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    public const string OperatorsClientId = "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a";
    public const string OperatorsSecret = "operators-test-secret";
    public const string OperatorsGroup = "4f3e2d1c-0b9a-4887-a665-544332211000";

    private readonly WebApplicationFactory<Program> factory;
    private readonly MigratedStorage database;

    private OperatorHost(WebApplicationFactory<Program> factory, MigratedStorage database, FakeOpenIdProvider provider, Uri baseAddress, OperatorScene scene)
    {
        this.factory = factory;
        this.database = database;
        Provider = provider;
        BaseAddress = baseAddress;
        Scene = scene;
    }

    public FakeOpenIdProvider Provider { get; }

    public Uri BaseAddress { get; }

    public OperatorScene Scene { get; }

    public static async Task<OperatorHost> StartAsync(StorageProvider storage = StorageProvider.Sqlite)
    {
        var provider = await FakeOpenIdProvider.StartAsync(TenantId, OperatorsClientId, OperatorsSecret);
        var database = await MigratedStorage.CreateAsync(storage, TimeProvider.System);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Production);
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("Bot:MicrosoftAppId", AppId);
            web.UseSetting("Bot:MicrosoftAppPassword", "bot-secret-not-used");
            web.UseSetting("Bot:MicrosoftAppTenantId", TenantId);
            web.UseSetting("Storage:Provider", database.Provider.ToString());
            web.UseSetting("ConnectionStrings:KiemDiem", database.ConnectionString);
            web.UseSetting("Operators:ClientId", OperatorsClientId);
            web.UseSetting("Operators:ClientSecret", OperatorsSecret);
            web.UseSetting("Operators:Instance", provider.Instance);
            web.UseSetting("Operators:AllowedGroupId", OperatorsGroup);
            web.ConfigureTestServices(RemoveJobServer);
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var scene = await TestOperatorData.SeedAsync(factory.Services, DateTimeOffset.UtcNow);
        return new OperatorHost(factory, database, provider, new Uri(address.TrimEnd('/') + "/"), scene);
    }

    /// <summary>No Hangfire server: its reminder tick has nothing to do here (the job store and dashboard stay).</summary>
    public static void RemoveJobServer(IServiceCollection services)
    {
        foreach (var jobServer in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationFactory?.Method.Module.Assembly == typeof(BackgroundJobServerHostedService).Assembly).ToList())
        {
            services.Remove(jobServer);
        }
    }

    public Browser NewBrowser() => new(BaseAddress);

    /// <summary>Opens <paramref name="path"/> as <paramref name="user"/> would: sent to the provider, signed in there, back to the host, then the page.</summary>
    public async Task<(Browser Browser, HttpResponseMessage Page)> SignInAndOpenAsync(FakeOpenIdUser user, string path)
    {
        Provider.NextUser = user;
        var browser = NewBrowser();
        using var challenge = await browser.GetAsync(new Uri(BaseAddress, path));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var authorize = await browser.GetAsync(challenge.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        using var callback = await browser.GetAsync(authorize.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var back = new Uri(BaseAddress, callback.Headers.Location!);
        Assert.Equal(path, back.AbsolutePath);
        return (browser, await browser.GetAsync(back));
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await Provider.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>One browser: no automatic redirects, the host's cookies kept by name (the provider sets none).</summary>
    public sealed class Browser : IDisposable
    {
        private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);
        private readonly Uri host;

        public Browser(Uri host) => this.host = host;

        public IReadOnlyDictionary<string, string> Cookies => cookies;

        public Task<HttpResponseMessage> GetAsync(Uri uri) => SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            ArgumentNullException.ThrowIfNull(request);
            var toHost = request.RequestUri!.Authority == host.Authority;
            if (toHost && cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await http.SendAsync(request);
            if (toHost && response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    var pair = setCookie.Split(';')[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    var name = pair[..equals].Trim();
                    var value = pair[(equals + 1)..].Trim();
                    var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                    if (expired || value.Length == 0)
                    {
                        cookies.Remove(name);
                    }
                    else
                    {
                        cookies[name] = value;
                    }
                }
            }
            return response;
        }

        public void Dispose() => http.Dispose();
    }
}
