using KiemDiemBot.Bot.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KiemDiemBot.Bot.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/> (typed HttpClient <see cref="ConnectorHttpClients.Connector"/>),
    /// its retry policy, the allow-list of Connector hosts and the token provider: MSAL against Entra ID (named client
    /// <see cref="ConnectorHttpClients.Entra"/>), or no token at all in local mode.
    /// </summary>
    public static IServiceCollection AddKiemDiemConnector(this IServiceCollection services, BotOptions bot)
    {
        services.TryAddSingleton(bot);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(bot.ConnectorRetry);
        services.TryAddSingleton<IRetryJitter, RandomRetryJitter>();
        services.TryAddSingleton<ConnectorRetryPolicy>();
        services.TryAddSingleton<ConnectorHostAllowList>();
        if (bot.IsLocalMode)
        {
            services.TryAddSingleton<IBotTokenProvider, LocalModeTokenProvider>();
        }
        else
        {
            services.AddHttpClient(ConnectorHttpClients.Entra);
            services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        }
        // Each attempt is timed by the retry policy (ConnectorRetryOptions.AttemptTimeout), on the injected clock.
        // A 429 on any Connector call pauses the tenant's proactive sends on every instance (issue 9).
        services.TryAddTransient<ConnectorThrottleHandler>();
        services.AddHttpClient<IConnectorClient, ConnectorClient>(ConnectorHttpClients.Connector, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorThrottleHandler>();
        return services;
    }
}
