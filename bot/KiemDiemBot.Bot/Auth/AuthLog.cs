namespace KiemDiemBot.Bot.Auth;

/// <summary>Inbound authentication outcomes: reasons and ids only, never a token or a claim value.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Inbound request refused: {Failure}")]
    public static partial void RequestRejected(this ILogger logger, InboundAuthFailure failure);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Inbound activity refused: {Failure} (type {ActivityType}, id {ActivityId})")]
    public static partial void ActivityRejected(this ILogger logger, InboundAuthFailure failure, string? activityType, string? activityId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Channel token did not validate: {ExceptionType}")]
    public static partial void TokenRejected(this ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Channel token signed by a key not in the cached key set; refreshing the channel metadata")]
    public static partial void SigningKeyNotCached(this ILogger logger);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "The channel's OpenID metadata could not be fetched")]
    public static partial void MetadataUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "The channel's key endorsements could not be fetched")]
    public static partial void EndorsementsUnavailable(this ILogger logger, Exception exception);
}
