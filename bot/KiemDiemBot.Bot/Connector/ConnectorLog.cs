using System.Net;

namespace KiemDiemBot.Bot.Connector;

/// <summary>The Connector client's log lines: operations, statuses and delays only, never bodies or tokens.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Connector token acquired from Entra ID (forced refresh: {ForceRefresh}), expires {ExpiresOn:O}")]
    public static partial void TokenAcquired(ILogger logger, bool forceRefresh, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Connector {Operation} answered 401; refreshing the token once and retrying")]
    public static partial void RefreshingTokenAfter401(ILogger logger, string operation);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Connector {Operation} answered {StatusCode} {ErrorCode}; retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, HttpStatusCode statusCode, string? errorCode, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Connector {Operation} failed with {StatusCode} {ErrorCode}/{SubCode} after {Attempts} attempt(s)")]
    public static partial void Failed(ILogger logger, string operation, HttpStatusCode statusCode, string? errorCode, string? subCode, int attempts);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Connector {Operation} asked to wait {RetryAfter}, longer than the client waits; giving up for now")]
    public static partial void RetryAfterTooLong(ILogger logger, string operation, TimeSpan retryAfter);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Connector {Operation} error answer with status {StatusCode} had no JSON body")]
    public static partial void ErrorBodyNotJson(ILogger logger, string operation, HttpStatusCode statusCode);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Connector {Operation} failed with {Failure}; retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void RetryingAfterFailure(ILogger logger, string operation, string failure, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Connector {Operation} failed with {Failure} after {Attempts} attempt(s); giving up")]
    public static partial void Unreachable(ILogger logger, string operation, string failure, int attempts);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Connector {Operation} would wait {Delay} for a retry, past the call's time limit; giving up")]
    public static partial void CallTimeUsedUp(ILogger logger, string operation, TimeSpan delay);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "Connector answered 429; proactive sends of the tenant paused for {Wait}")]
    public static partial void TenantPaused(ILogger logger, TimeSpan wait);
}
