using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// The outcome of one posted activity: when the POST started, when its 200 came back (0 if it did not), and the
/// bot's reply or why there was none.
/// </summary>
internal readonly record struct TurnExchangeResult(long Start, long Acknowledged, ConnectorReply? Reply, string? Failure);

/// <summary>One member turn as the sessions measure it: post the activity, then wait for the bot's reply to it at the Connector.</summary>
internal static class TurnExchange
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    public static async Task<TurnExchangeResult> RunAsync(
        ActivityPoster poster, Uri endpoint, string token, BenchConnector connector, string conversationId, string activityId, byte[] body,
        CancellationToken cancellationToken)
    {
        var reply = connector.ExpectReply(conversationId, activityId);
        var start = Stopwatch.GetTimestamp();
        try
        {
            var status = await poster.PostAsync(endpoint, body, token, cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                return new(start, 0, null, "HTTP " + ((int)status).ToString(CultureInfo.InvariantCulture));
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new(start, 0, null, "POST " + exception.GetType().Name);
        }
        var acknowledged = Stopwatch.GetTimestamp();
        try
        {
            return new(start, acknowledged, await reply.WaitAsync(ReplyTimeout, cancellationToken), null);
        }
        catch (TimeoutException)
        {
            return new(start, acknowledged, null, "no reply within 60 s");
        }
    }
}
