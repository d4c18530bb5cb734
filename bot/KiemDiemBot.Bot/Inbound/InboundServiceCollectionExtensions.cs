using KiemDiemBot.Bot.Auth;
using KiemDiemBot.Bot.Turns;

namespace KiemDiemBot.Bot.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// The inbound side of the Activity protocol: token check, <c>/api/messages</c> with its durable inbox, the
    /// dispatcher that processes stored turns and sends their replies, invoke and turn routing. Expects
    /// BotOptions, TimeProvider, Core's storage, IConnectorClient, IWelcomeDialog, IFallbackDialog,
    /// IActiveFlowDialog, and any IDialog and IInvokeHandler to be registered elsewhere.
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

        services.AddOptions<TurnPipelineOptions>()
            .BindConfiguration(TurnPipelineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TurnSignal>();
        services.AddHostedService<TurnDispatcher>();
        services.AddScoped<InvokeRouter>();

        services.AddScoped<ConversationReferenceRecorder>();
        services.AddScoped<TurnRouter>();
        services.AddScoped<TurnProcessor>();
        services.AddScoped<OutboxSender>();
        // Issue 9: the pace of proactive messages (per conversation in memory, per tenant through the database).
        // Both on the machine's clock: Teams counts requests in real time, whatever clock the domain runs on.
        services.AddSingleton(_ => new ConversationSendWindows(TimeProvider.System));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ProactiveSendPacer>(sp, TimeProvider.System));
        services.AddScoped<TurnFailureNotice>();
        return services;
    }
}
