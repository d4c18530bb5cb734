using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.SelfReviews;

/// <summary>The self-review flow's log: review ids, steps, versions and outcomes only, never answers, names or grades.</summary>
internal static partial class SelfReviewLog
{
    [LoggerMessage(EventId = 1451, Level = LogLevel.Debug, Message = "Self-review {ReviewId} saved at step {Step} as version {Version} (proxy entry: {ByProxy})")]
    public static partial void Saved(ILogger logger, Guid reviewId, string step, int version, bool byProxy);

    [LoggerMessage(EventId = 1452, Level = LogLevel.Information, Message = "Self-review {ReviewId} submitted as version {Version} (proxy entry: {ByProxy})")]
    public static partial void Submitted(ILogger logger, Guid reviewId, int version, bool byProxy);

    [LoggerMessage(EventId = 1453, Level = LogLevel.Information, Message = "Refused a change to self-review {ReviewId}: it is locked")]
    public static partial void RefusedLocked(ILogger logger, Guid reviewId);

    [LoggerMessage(EventId = 1454, Level = LogLevel.Information, Message = "Refused a proxy entry: the member is not the secretary or deputy of the reviewed member's cell")]
    public static partial void ProxyRefused(ILogger logger);

    [LoggerMessage(EventId = 1455, Level = LogLevel.Information, Message = "Proxy entry of self-review {ReviewId} started")]
    public static partial void ProxyStarted(ILogger logger, Guid reviewId);
}
