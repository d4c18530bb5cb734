namespace KiemDiemBot.Bot.Operators;

/// <summary>The operator pages' log lines: what was refused and why, never who (no names, e-mails or object ids).</summary>
internal static partial class OperatorLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Operator page {Page} refused to a signed-in user: {Reason}")]
    public static partial void Refused(ILogger logger, string page, string reason);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Operator sign-in configured for tenant {TenantId} with app {ClientId}")]
    public static partial void SignInConfigured(ILogger logger, string tenantId, string clientId);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "Operator signed out")]
    public static partial void SignedOut(ILogger logger);
}
