using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace KiemDiemBot.Bot.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <inheritdoc cref="AddKiemDiemGraph(IServiceCollection, BotOptions, GraphOptions)"/>
    public static IServiceCollection AddKiemDiemGraph(this IServiceCollection services, KiemDiemSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services.AddKiemDiemGraph(settings.Bot, settings.Graph);
    }

    /// <summary>
    /// Registers a <see cref="GraphServiceClient"/> (transient; over the named client <see cref="GraphHttpClients.Graph"/>
    /// at <c>Graph:BaseUrl</c>, Graph's default middleware with <see cref="GraphRetryHandler"/> in place of Kiota's retry,
    /// app tokens from <see cref="GraphAccessTokenProvider"/>), only in Teams mode and when some Graph feature is
    /// configured: otherwise nothing is registered and features must not ask for it (their options say whether they are on).
    /// </summary>
    public static IServiceCollection AddKiemDiemGraph(this IServiceCollection services, BotOptions bot, GraphOptions graph)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(graph);
        if (bot.IsLocalMode || !graph.AnyFeature)
        {
            return services;
        }
        services.TryAddSingleton(bot);
        services.TryAddSingleton(graph);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRetryJitter, RandomRetryJitter>();
        services.AddHttpClient(ConnectorHttpClients.Entra);
        services.TryAddSingleton<GraphAccessTokenProvider>();
        services.TryAddTransient<GraphRetryHandler>();
        services.AddHttpClient(GraphHttpClients.Graph, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler is RetryHandler ? provider.GetRequiredService<GraphRetryHandler>() : handler);
                }
            });
        services.TryAddTransient(provider => new GraphServiceClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(GraphHttpClients.Graph),
            new BaseBearerTokenAuthenticationProvider(provider.GetRequiredService<GraphAccessTokenProvider>()),
            graph.BaseUrl.TrimEnd('/')));
        return services;
    }
}
