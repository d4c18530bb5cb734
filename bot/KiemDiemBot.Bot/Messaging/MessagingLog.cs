namespace KiemDiemBot.Bot.Messaging;

/// <summary>The messenger's log lines: conversation ids and outcomes only.</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Not writing to conversation {ConversationId} on {ChannelId}: the user blocked or removed the bot")]
    public static partial void SkippedBlocked(ILogger logger, string channelId, string conversationId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Conversation {ConversationId} on {ChannelId} refuses writes (403 MessageWritesBlocked); marked blocked")]
    public static partial void MarkedBlocked(ILogger logger, string channelId, string conversationId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Created 1:1 conversation {ConversationId} on {ChannelId} for a proactive message")]
    public static partial void PersonalConversationStored(ILogger logger, string channelId, string conversationId);
}
