using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Messaging;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// The outbound side wired as the host wires it (<c>AddKiemDiemMessaging</c>, or only <c>AddKiemDiemConnector</c>
/// when no storage is given), against a
/// <see cref="FakeBotConnector"/> and a <see cref="FakeEntraId"/>, with fake time and fixed jitter.
/// </summary>
public sealed class OutboundHarness : IAsyncDisposable
{
    public const string AppId = "5f0b6b1c-3c1e-4c7e-9d8a-0b07a0000001";
    public const string AppSecret = "fake-secret-value";
    public const string TenantId = "9a3c2d4e-1111-4222-8333-a44455566677";

    private readonly ServiceProvider provider;

    private OutboundHarness(ServiceProvider provider, FakeBotConnector connector, FakeEntraId entra, RecordingTimeProvider time, BotOptions bot)
    {
        this.provider = provider;
        Connector = connector;
        Entra = entra;
        Time = time;
        Bot = bot;
    }

    public FakeBotConnector Connector { get; }

    public FakeEntraId Entra { get; }

    public RecordingTimeProvider Time { get; }

    public BotOptions Bot { get; }

    public IServiceProvider Services => provider;

    /// <summary>The Connector client as the bot resolves it.</summary>
    public IConnectorClient Client => provider.GetRequiredService<IConnectorClient>();

    /// <param name="tenantId">The bot's MicrosoftAppTenantId (single-tenant); null for a multi-tenant bot.</param>
    /// <param name="localMode">No App ID: no token, and the fake Connector requires none.</param>
    /// <param name="storage">When given, Core's storage is registered and its schema created.</param>
    /// <param name="configure">Further registrations, made after the outbound side's.</param>
    public static async Task<OutboundHarness> StartAsync(
        string? tenantId = TenantId, bool localMode = false, StorageOptions? storage = null, Action<IServiceCollection>? configure = null)
    {
        var time = new RecordingTimeProvider(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero)));
        var entra = new FakeEntraId(AppId, AppSecret);
        var connector = await FakeBotConnector.StartAsync(localMode ? null : entra, time.Inner);
        var bot = localMode
            ? new BotOptions()
            : new BotOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = AppSecret, MicrosoftAppTenantId = tenantId };
        // The fake Connector listens on 127.0.0.1: allowed here, as a deployment would list its Connector hosts.
        bot.ConnectorHosts = [.. BotOptions.TeamsConnectorHosts, "127.0.0.1"];

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IRetryJitter>(new FixedRetryJitter());
        if (storage is null)
        {
            services.AddKiemDiemConnector(bot);
        }
        else
        {
            services.AddKiemDiemStorage(storage);
            services.AddKiemDiemMessaging(bot);
        }
        services.AddHttpClient(ConnectorHttpClients.Entra).ConfigurePrimaryHttpMessageHandler(() => entra);
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        if (storage is not null)
        {
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }
        return new OutboundHarness(provider, connector, entra, time, bot);
    }

    public AsyncServiceScope CreateScope() => provider.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
