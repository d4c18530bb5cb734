using Hangfire;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Graph;

/// <summary>
/// The real host in Teams mode with Graph on: its Graph client as registered in production, against a
/// <see cref="FakeGraph"/> over HTTP, app tokens from <see cref="FakeEntraId"/> (Graph's scope) through MSAL, and a
/// <see cref="RecordingTimeProvider"/> so Graph's waits are seen and passed without real time. No Hangfire server.
/// </summary>
public sealed class GraphHost : IAsyncDisposable
{
    public const string AppId = "7c2d4e6f-8a9b-4c1d-9e2f-3a4b5c6d7e8f";
    public const string AppSecret = "graph-test-secret";
    public const string TenantId = "2c3d4e5f-6a7b-4829-93a4-b5c6d7e8f901";
    public const string GraphScope = "https://graph.microsoft.com/.default";

    private readonly WebApplicationFactory<Program> factory;

    private GraphHost(WebApplicationFactory<Program> factory, RecordingTimeProvider clock)
    {
        this.factory = factory;
        Clock = clock;
    }

    public RecordingTimeProvider Clock { get; }

    public IServiceProvider Services => factory.Services;

    /// <summary>A fake Entra ID that issues Graph tokens for <see cref="AppId"/>.</summary>
    public static FakeEntraId CreateEntra() => new(AppId, AppSecret, GraphScope);

    public static GraphHost Start(StorageProvider provider, string connectionString, FakeGraph graph, FakeEntraId entra, IReadOnlyDictionary<string, string>? settings = null)
    {
        var clock = new RecordingTimeProvider(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 19, 0, 0, TimeSpan.Zero)));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Development);
            web.UseSetting("Storage:Provider", provider.ToString());
            web.UseSetting("ConnectionStrings:KiemDiem", connectionString);
            web.UseSetting("Bot:MicrosoftAppId", AppId);
            web.UseSetting("Bot:MicrosoftAppPassword", AppSecret);
            web.UseSetting("Bot:MicrosoftAppTenantId", TenantId);
            web.UseSetting("Bot:AllowedTenants:0", TenantId);
            // Never reached: the Entra client's handler answers.
            web.UseSetting("Bot:AuthorityHost", "https://login.graph-tests.invalid");
            web.UseSetting("Graph:BaseUrl", graph.BaseUrl);
            web.UseSetting("Graph:Roster:Enabled", "true");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
            {
                services.AddHttpClient(ConnectorHttpClients.Entra).ConfigurePrimaryHttpMessageHandler(() => entra);
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.RemoveAll<IRetryJitter>();
                services.AddSingleton<IRetryJitter>(new FixedRetryJitter());
                // No Hangfire server and none of the host's own background loops (turn workers, outbox): they wait on the
                // same clock, and only Graph's waits should be seen and passed here.
                foreach (var background in services.Where(d => d.ServiceType == typeof(IHostedService) && IsHostsOwn(d)).ToList())
                {
                    services.Remove(background);
                }
            });
        });
        _ = factory.Services;
        return new GraphHost(factory, clock);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a scope of its own while passing every wait it starts on the host's clock (a
    /// Retry-After, a backoff) at once; answers the result and the waits passed, in order.
    /// </summary>
    public async Task<(T Result, IReadOnlyList<TimeSpan> Waits)> RunPassingWaitsAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var waits = new List<TimeSpan>();
        await using var scope = Services.CreateAsyncScope();
        var running = work(scope.ServiceProvider);
        while (!running.IsCompleted)
        {
            var next = Clock.NextDelayAsync(TimeSpan.FromMinutes(2));
            var finished = await Task.WhenAny(running, next);
            if (finished == next)
            {
                var wait = await next;
                waits.Add(wait);
                Clock.Advance(wait);
            }
        }
        return (await running, waits);
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    private static bool IsHostsOwn(ServiceDescriptor descriptor) => IsOwn(
        descriptor.ImplementationType?.Assembly
        ?? descriptor.ImplementationFactory?.Method.Module.Assembly
        ?? descriptor.ImplementationInstance?.GetType().Assembly);

    private static bool IsOwn(System.Reflection.Assembly? assembly) =>
        assembly is not null && (assembly == typeof(BackgroundJobServerHostedService).Assembly
            || assembly.GetName().Name!.StartsWith("KiemDiemBot", StringComparison.Ordinal));
}
