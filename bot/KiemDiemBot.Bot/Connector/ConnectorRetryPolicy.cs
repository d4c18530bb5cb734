using System.Net;
using System.Net.Http.Headers;

namespace KiemDiemBot.Bot.Connector;

/// <summary>Which Connector answers are retried, and after how long (PROTOCOL.md 3.5 and 5).</summary>
internal sealed class ConnectorRetryPolicy(ConnectorRetryOptions options, IRetryJitter jitter, TimeProvider clock)
{
    public int MaxRetries => options.MaxRetries;

    /// <summary>429, 412, 502, 503 and 504 are transient; 400, 401, 403, 404, 413 and the rest are not.</summary>
    public static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or
        HttpStatusCode.PreconditionFailed or
        HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or
        HttpStatusCode.GatewayTimeout;

    /// <summary>The server's Retry-After, as seconds or as an HTTP date; never negative.</summary>
    public TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (0 = the first retry): the server's Retry-After
    /// when it gave one, else exponential backoff with jitter, capped at <see cref="ConnectorRetryOptions.MaxDelay"/>.
    /// Null when the server asked for a longer wait than the cap: the caller gives up.
    /// </summary>
    public TimeSpan? GetDelay(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } serverDelay)
        {
            return serverDelay <= options.MaxDelay ? serverDelay : null;
        }
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, retry);
        var factor = 1 - options.JitterFraction + (2 * options.JitterFraction * jitter.Next());
        var milliseconds = Math.Min(exponential * factor, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(milliseconds);
    }
}
