namespace KiemDiemBot.Bot.Health;

/// <summary>The health checks' log lines: the check and the kind of failure, never a message, a token or a connection string.</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Warning, Message = "Health check {Check} failed: {Reason}")]
    public static partial void CheckFailed(ILogger logger, string check, string reason);
}
