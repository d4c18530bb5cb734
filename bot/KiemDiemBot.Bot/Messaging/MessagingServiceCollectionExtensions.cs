using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;

namespace KiemDiemBot.Bot.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outbound side: the Connector client with its tokens and retries, and the scoped
    /// <see cref="IConversationMessenger"/> (which needs Core's storage, <c>AddKiemDiemStorage</c>).
    /// </summary>
    public static IServiceCollection AddKiemDiemMessaging(this IServiceCollection services, BotOptions bot)
    {
        services.AddKiemDiemConnector(bot);
        services.AddScoped<IConversationMessenger, ConversationMessenger>();
        return services;
    }
}
