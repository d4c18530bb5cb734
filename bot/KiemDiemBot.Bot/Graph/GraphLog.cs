namespace KiemDiemBot.Bot.Graph;

/// <summary>Graph calls: method, status, duration and retries only; never a URL (it carries ids of people), a body or a token.</summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Debug, Message = "Graph {Method} answered {Status} in {ElapsedMilliseconds} ms")]
    public static partial void Answered(ILogger logger, string method, int status, long elapsedMilliseconds);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Graph {Method} answered {Status}; retry {Retry} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, int status, int retry, TimeSpan delay);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Graph {Method} failed without an answer ({Failure}); retry {Retry} in {Delay}")]
    public static partial void RetryingAfterFailure(ILogger logger, string method, string failure, int retry, TimeSpan delay);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Graph {Method} answered {Status}; not retried (retries used up, or Retry-After {RetryAfter} beyond the call's bounds)")]
    public static partial void GaveUp(ILogger logger, string method, int status, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Graph token acquired from Entra ID, expires {ExpiresOn}")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresOn);
}
