using System.Diagnostics;
using System.Net;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;

namespace KiemDiemBot.Bot.Graph;

/// <summary>
/// Graph's throttling and transient failures (learn.microsoft.com/graph/throttling): 429, 503 and 504 wait for
/// Retry-After when given, else back off exponentially with jitter; network errors and attempts that time out back
/// off the same way; all within <c>Graph:Retry</c> (attempts, longest wait, time per attempt and per call) and on the
/// injected <see cref="TimeProvider"/>, so tests wait on a fake clock. Replaces Kiota's own RetryHandler (which waits on
/// the machine's clock). Past its bounds the last answer goes back to the SDK, which raises it as an ODataError.
/// Also logs each attempt's method, status and duration.
/// </summary>
internal sealed class GraphRetryHandler(GraphOptions graph, IRetryJitter jitter, TimeProvider clock, ILogger<GraphRetryHandler> logger) : DelegatingHandler
{
    private readonly ConnectorRetryPolicy policy = new(graph.Retry, jitter, clock);

    /// <summary>The answers Graph documents as worth retrying.</summary>
    public static bool IsRetried(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // A retry sends the body again: keep it.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        var method = request.Method.Method;
        var callStarted = policy.StartCall();
        for (var retry = 0; ; retry++)
        {
            HttpResponseMessage response;
            var attemptStarted = Stopwatch.GetTimestamp();
            try
            {
                response = await SendAttemptAsync(request, callStarted, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (ConnectorRetryPolicy.IsTransient(exception)
                && retry < policy.MaxRetries
                && policy.GetDelay(retry, null) is { } backoff
                && policy.CanWait(callStarted, backoff))
            {
                GraphLog.RetryingAfterFailure(logger, method, exception.GetType().Name, retry + 1, backoff);
                await Task.Delay(backoff, clock, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var status = (int)response.StatusCode;
            GraphLog.Answered(logger, method, status, (long)Stopwatch.GetElapsedTime(attemptStarted).TotalMilliseconds);
            if (!IsRetried(response.StatusCode))
            {
                return response;
            }
            var retryAfter = policy.ReadRetryAfter(response.Headers.RetryAfter);
            var delay = retry < policy.MaxRetries ? policy.GetDelay(retry, retryAfter) : null;
            if (delay is not { } wait || !policy.CanWait(callStarted, wait))
            {
                GraphLog.GaveUp(logger, method, status, retryAfter);
                return response;
            }
            GraphLog.Retrying(logger, method, status, retry + 1, wait);
            response.Dispose();
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, long callStarted, CancellationToken cancellationToken)
    {
        var remaining = graph.Retry.CallTimeout - clock.GetElapsedTime(callStarted);
        var limit = remaining < graph.Retry.AttemptTimeout ? remaining : graph.Retry.AttemptTimeout;
        if (limit <= TimeSpan.Zero)
        {
            throw new TimeoutException("The call's time was used up before this attempt.");
        }
        using var timeout = new CancellationTokenSource(limit, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {limit}.", exception);
        }
    }
}
