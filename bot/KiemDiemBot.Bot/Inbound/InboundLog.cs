namespace KiemDiemBot.Bot.Inbound;

/// <summary>Inbound request outcomes: activity types, ids and invoke names only, never the payload.</summary>
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Inbound request body is not an activity ({Problem})")]
    public static partial void BadRequest(this ILogger logger, string problem);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Activity {ActivityId} of type {ActivityType} queued")]
    public static partial void ActivityQueued(this ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "No handler for invoke {InvokeName} (activity {ActivityId})")]
    public static partial void InvokeUnhandled(this ILogger logger, string? invokeName, string? activityId);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Invoke {InvokeName} (activity {ActivityId}) answered {Status}")]
    public static partial void InvokeAnswered(this ILogger logger, string invokeName, string? activityId, int status);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "Turn for activity {ActivityId} of type {ActivityType} failed")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "Could not tell the sender of activity {ActivityId} that their turn failed")]
    public static partial void TurnFailureNoticeFailed(this ILogger logger, Exception exception, string? activityId);
}
