using KiemDiemBot.Bot.Auth;
using KiemDiemBot.Bot.Turns;

namespace KiemDiemBot.Bot.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// The inbound side of the Activity protocol: token check, <c>/api/messages</c>'s queue and worker, invoke
    /// and turn routing. Expects BotOptions, TimeProvider, IConversationReferenceStore, IConnectorClient,
    /// IWelcomeDialog, IFallbackDialog, and any IDialog and IInvokeHandler to be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddKiemDiemInbound(this IServiceCollection services)
    {
        services.AddHttpClient(ChannelMetadata.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            // The client lives as long as ChannelMetadata; recycle connections so DNS changes are seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<ChannelMetadata>();
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<InboundAuthenticator>();

        services.AddSingleton<ActivityQueue>();
        services.AddHostedService<ActivityQueueWorker>();
        services.AddScoped<InvokeRouter>();

        services.AddScoped<ConversationReferenceRecorder>();
        services.AddScoped<TurnRouter>();
        services.AddScoped<TurnProcessor>();
        services.AddScoped<TurnFailureNotice>();
        return services;
    }
}
