namespace KiemDiemBot.Bot.Turns;

/// <summary>Turn outcomes: activity types and ids and dialog names only, never text or card values.</summary>
internal static partial class TurnLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Nothing answers activity {ActivityId} of type {ActivityType}")]
    public static partial void TurnIgnored(this ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Activity {ActivityId} of type {ActivityType} lacks the channel, conversation, sender or service URL needed to answer it")]
    public static partial void TurnUnanswerable(this ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Activity {ActivityId} of type {ActivityType} handled (welcome {Welcome}, dialog {Dialog}, fallback {Fallback})")]
    public static partial void TurnHandled(this ILogger logger, string? activityType, string? activityId, bool welcome, string? dialog, bool fallback);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Debug, Message = "Reply to activity {ActivityId} sent as {SentActivityId}")]
    public static partial void ReplySent(this ILogger logger, string? activityId, string? sentActivityId);
}
