using System.Net;
using System.Net.Http.Headers;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Which Connector answers and failures are retried, after how long (PROTOCOL.md 3.5 and 5), and how long an
/// attempt and a whole call may take (<see cref="ConnectorRetryOptions.AttemptTimeout"/>,
/// <see cref="ConnectorRetryOptions.CallTimeout"/>), all on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ConnectorRetryPolicy(ConnectorRetryOptions options, IRetryJitter jitter, TimeProvider clock)
{
    public int MaxRetries => options.MaxRetries;

    /// <summary>A network error, or an attempt that took longer than it may (<see cref="SendAttemptAsync"/>).</summary>
    public static bool IsTransient(Exception exception) => exception is HttpRequestException or TimeoutException;

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

    /// <summary>The start of a call, for <see cref="CanWait"/> and <see cref="SendAttemptAsync"/>.</summary>
    public long StartCall() => clock.GetTimestamp();

    /// <summary>True when waiting <paramref name="delay"/> still leaves time for another attempt within the call's time.</summary>
    public bool CanWait(long callStarted, TimeSpan delay) => delay < Remaining(callStarted);

    /// <summary>
    /// One HTTP attempt, given at most <see cref="ConnectorRetryOptions.AttemptTimeout"/> and never more than the
    /// call has left.
    /// </summary>
    /// <exception cref="TimeoutException">No complete answer in that time (and the caller did not cancel).</exception>
    /// <exception cref="HttpRequestException">The request could not be sent or its answer not read.</exception>
    public async Task<HttpResponseMessage> SendAttemptAsync(HttpClient http, HttpRequestMessage request, long callStarted, CancellationToken cancellationToken)
    {
        var limit = Remaining(callStarted) < options.AttemptTimeout ? Remaining(callStarted) : options.AttemptTimeout;
        if (limit <= TimeSpan.Zero)
        {
            throw new TimeoutException("The call's time was used up before this attempt.");
        }
        using var timeout = new CancellationTokenSource(limit, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {limit}.", exception);
        }
    }

    private TimeSpan Remaining(long callStarted) => options.CallTimeout - clock.GetElapsedTime(callStarted);
}
