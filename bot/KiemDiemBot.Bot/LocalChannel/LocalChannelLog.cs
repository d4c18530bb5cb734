namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>The local channel's log lines: ids and outcomes only, never text, cards, secrets or who wrote.</summary>
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

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Local channel: refused {Method} {Route} with {StatusCode}")]
    public static partial void Refused(ILogger logger, string method, string route, int statusCode);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Local mode: refused a {Method} request addressed to a host name other than localhost, 127.0.0.1 or [::1]")]
    public static partial void ForeignHost(ILogger logger, string method);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Local channel: group message {ActivityId} in conversation {ConversationId} does not mention the bot; kept in the transcript, not delivered")]
    public static partial void GroupMessageNotForTheBot(ILogger logger, string activityId, string conversationId);
}
