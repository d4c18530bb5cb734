using KiemDiemBot.Bot.Configuration;

namespace KiemDiemBot.Bot.LocalChannel;

public static class LocalChannelServiceCollectionExtensions
{
    /// <summary>How long the channel waits for the bot to take an activity, as the Bot Framework does (15 s).</summary>
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Registers the local channel (Direct Line for Web Chat, the Connector for the bot) when the bot runs in
    /// local mode, with the Host check that stands in front of every request of the host in that mode.
    /// </summary>
    public static IServiceCollection AddLocalChannel(this IServiceCollection services, BotOptions bot)
    {
        if (!bot.IsLocalMode)
        {
            return services;
        }
        services.AddTransient<IStartupFilter, LocalHostFilter>();
        services.AddHostedService<LoopbackAddressGuard>();
        services.AddSingleton<LocalChannelAddress>();
        services.AddSingleton<DirectLineSecret>();
        services.AddScoped<LocalConversationStore>();
        services.AddScoped<ILocalPeopleSource, RosterPeopleSource>();
        services.AddScoped<LocalChannelService>();
        services.AddHttpClient<LocalBotClient>(http => http.Timeout = BotTimeout);
        return services;
    }
}
