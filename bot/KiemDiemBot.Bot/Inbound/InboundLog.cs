namespace KiemDiemBot.Bot.Inbound;

/// <summary>Inbound request and turn outcomes: activity types, ids, row ids and invoke names only, never the payload.</summary>
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Inbound request refused ({Problem})")]
    public static partial void BadRequest(this ILogger logger, string problem);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Activity {ActivityId} of type {ActivityType} stored")]
    public static partial void ActivityStored(this ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "No handler for invoke {InvokeName} (activity {ActivityId})")]
    public static partial void InvokeUnhandled(this ILogger logger, string? invokeName, string? activityId);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Invoke {InvokeName} (activity {ActivityId}) answered {Status}")]
    public static partial void InvokeAnswered(this ILogger logger, string invokeName, string? activityId, int status);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "Turn {TurnId} failed (attempt {Attempt}, deadline passed {DeadlinePassed}, outcome {Outcome})")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, long turnId, int attempt, bool deadlinePassed, string outcome);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed (deadline passed {DeadlinePassed}, outcome {Outcome})")]
    public static partial void DeliveryFailed(this ILogger logger, Exception exception, long deliveryId, bool deadlinePassed, string outcome);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Debug, Message = "Activity {ActivityId} of type {ActivityType} was delivered before; nothing done")]
    public static partial void ActivityRepeated(this ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Error, Message = "Turn dispatcher could not read or lease work; it tries again at the next poll")]
    public static partial void DispatchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Information, Message = "Conversation writes blocked; delivery {DeliveryId} and the conversation's pending messages not sent")]
    public static partial void DeliveryBlocked(this ILogger logger, long deliveryId);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Turn {TurnId} lost a race to another change (race {Race}); running it again")]
    public static partial void TurnRaced(this ILogger logger, long turnId, int race);
}
