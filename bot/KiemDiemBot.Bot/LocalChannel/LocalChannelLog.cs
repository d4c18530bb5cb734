namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>The local channel's log lines: ids and outcomes only, never text, cards or who wrote.</summary>
internal static partial class LocalChannelLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Local channel: conversation {ConversationId} ({ConversationType}) started")]
    public static partial void ConversationStarted(ILogger logger, string conversationId, string conversationType);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Local channel: the bot answered {StatusCode} to a {ActivityType} activity in conversation {ConversationId}")]
    public static partial void BotRefused(ILogger logger, string? activityType, string? conversationId, int statusCode);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Local channel: the bot could not be reached with a {ActivityType} activity in conversation {ConversationId}")]
    public static partial void BotUnreachable(ILogger logger, string? activityType, string? conversationId, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Local channel listens for Web Chat at {ServiceUrl}")]
    public static partial void Listening(ILogger logger, string serviceUrl);
}
