using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace KiemDiemBot.Bot.Telemetry;

/// <summary>
/// The bot's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>: turns
/// (processed, failed, duration), deliveries (sent, failed, blocked), Bot Connector calls and Microsoft Graph calls
/// (operation, status code, duration). Tags carry no personal data: no names, e-mails, conversation or user ids,
/// message text or URLs; at most the ids of the bot's own rows (inbox and outbox ids), activity types, operation
/// names, status and error codes. Exported only when <c>Operators:OtlpEndpoint</c> is set (<see cref="TelemetryExtensions"/>).
/// </summary>
public static class KiemDiemTelemetry
{
    public const string Name = "KiemDiemBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> TurnsProcessed = Meter.CreateCounter<long>("kiemdiem.turns.processed", "{turn}", "Turns that committed.");
    private static readonly Counter<long> TurnsFailed = Meter.CreateCounter<long>("kiemdiem.turns.failed", "{turn}", "Turn attempts that failed (a turn is tried again until it gives up).");
    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("kiemdiem.turn.duration", "s", "How long a turn attempt took, from loading it to its commit or failure.");
    private static readonly Counter<long> DeliveriesSent = Meter.CreateCounter<long>("kiemdiem.deliveries.sent", "{message}", "Outbox messages the Connector accepted.");
    private static readonly Counter<long> DeliveriesFailed = Meter.CreateCounter<long>("kiemdiem.deliveries.failed", "{message}", "Send attempts of outbox messages that failed.");
    private static readonly Counter<long> DeliveriesBlocked = Meter.CreateCounter<long>("kiemdiem.deliveries.blocked", "{message}", "Outbox messages not sent because the conversation refuses the bot.");
    private static readonly Counter<long> ConnectorCalls = Meter.CreateCounter<long>("kiemdiem.connector.calls", "{request}", "HTTP requests to the Bot Connector.");
    private static readonly Histogram<double> ConnectorDuration = Meter.CreateHistogram<double>("kiemdiem.connector.duration", "s", "Duration of HTTP requests to the Bot Connector.");
    private static readonly Counter<long> GraphCalls = Meter.CreateCounter<long>("kiemdiem.graph.calls", "{request}", "HTTP requests to Microsoft Graph.");
    private static readonly Histogram<double> GraphDuration = Meter.CreateHistogram<double>("kiemdiem.graph.duration", "s", "Duration of HTTP requests to Microsoft Graph.");

    /// <summary>Tag keys (OpenTelemetry semantic conventions where one fits).</summary>
    public static class Tags
    {
        public const string TurnId = "kiemdiem.turn.id";
        public const string OutboxId = "kiemdiem.outbox.id";
        public const string ActivityType = "kiemdiem.activity.type";
        public const string Operation = "kiemdiem.operation";
        public const string Proactive = "kiemdiem.proactive";
        public const string Outcome = "kiemdiem.outcome";
        public const string ErrorType = "error.type";
        public const string StatusCode = "http.response.status_code";
        public const string Method = "http.request.method";
        public const string GraphResource = "kiemdiem.graph.resource";
    }

    /// <summary>A timestamp to measure a duration from with <see cref="Elapsed"/> (the machine's clock: durations are real time).</summary>
    public static long Timestamp() => TimeProvider.System.GetTimestamp();

    public static double Elapsed(long started) => TimeProvider.System.GetElapsedTime(started).TotalSeconds;

    public static Activity? StartTurn(long turnId)
    {
        var activity = Source.StartActivity("kiemdiem.turn", ActivityKind.Internal);
        activity?.SetTag(Tags.TurnId, turnId);
        return activity;
    }

    /// <summary>Activity types as Teams sends them (PROTOCOL.md 1.4); anything else is tagged "other".</summary>
    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        "message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "messageUpdate", "messageDelete", "event", "typing", "unknown",
    };

    public static void TurnProcessed(Activity? activity, string activityType, long started)
    {
        activityType = KnownActivityTypes.Contains(activityType) ? activityType : "other";
        var elapsed = Elapsed(started);
        activity?.SetTag(Tags.ActivityType, activityType);
        TurnsProcessed.Add(1, new KeyValuePair<string, object?>(Tags.ActivityType, activityType));
        TurnDuration.Record(elapsed, new KeyValuePair<string, object?>(Tags.ActivityType, activityType), new KeyValuePair<string, object?>(Tags.Outcome, "processed"));
    }

    /// <summary>Records a failed turn attempt; false, so that it can sit in an exception filter and let the exception go on.</summary>
    public static bool TurnFailed(Activity? activity, string activityType, Exception exception, long started)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activityType = KnownActivityTypes.Contains(activityType) ? activityType : "other";
        var elapsed = Elapsed(started);
        var errorType = exception.GetType().Name;
        activity?.SetTag(Tags.ActivityType, activityType);
        activity?.SetTag(Tags.ErrorType, errorType);
        activity?.SetStatus(ActivityStatusCode.Error);
        TurnsFailed.Add(1, new KeyValuePair<string, object?>(Tags.ActivityType, activityType), new KeyValuePair<string, object?>(Tags.ErrorType, errorType));
        TurnDuration.Record(elapsed, new KeyValuePair<string, object?>(Tags.ActivityType, activityType), new KeyValuePair<string, object?>(Tags.Outcome, "failed"));
        return false;
    }

    public static Activity? StartDelivery(long outboxId, string operation, bool proactive)
    {
        var activity = Source.StartActivity("kiemdiem.delivery", ActivityKind.Internal);
        activity?.SetTag(Tags.OutboxId, outboxId);
        activity?.SetTag(Tags.Operation, operation);
        activity?.SetTag(Tags.Proactive, proactive);
        return activity;
    }

    public static void DeliverySent(string operation, bool proactive) =>
        DeliveriesSent.Add(1, new KeyValuePair<string, object?>(Tags.Operation, operation), new KeyValuePair<string, object?>(Tags.Proactive, proactive));

    public static void DeliveryBlocked(Activity? activity, string operation, bool proactive, string? errorCode)
    {
        activity?.SetTag(Tags.Outcome, "blocked");
        DeliveriesBlocked.Add(
            1,
            new KeyValuePair<string, object?>(Tags.Operation, operation),
            new KeyValuePair<string, object?>(Tags.Proactive, proactive),
            new KeyValuePair<string, object?>(Tags.ErrorType, errorCode ?? "WritesBlocked"));
    }

    /// <summary>Records a failed send attempt with its technical error code; false, for an exception filter.</summary>
    public static bool DeliveryFailed(Activity? activity, string operation, bool proactive, string errorCode)
    {
        activity?.SetTag(Tags.ErrorType, errorCode);
        activity?.SetStatus(ActivityStatusCode.Error);
        DeliveriesFailed.Add(
            1,
            new KeyValuePair<string, object?>(Tags.Operation, operation),
            new KeyValuePair<string, object?>(Tags.Proactive, proactive),
            new KeyValuePair<string, object?>(Tags.ErrorType, errorCode));
        return false;
    }

    public static Activity? StartConnectorCall(string operation)
    {
        var activity = Source.StartActivity("kiemdiem.connector " + operation, ActivityKind.Client);
        activity?.SetTag(Tags.Operation, operation);
        return activity;
    }

    /// <summary>One HTTP request to the Connector: its status code, or the kind of failure when none came back.</summary>
    public static void ConnectorCall(Activity? activity, string operation, int? statusCode, string? errorType, double seconds)
    {
        activity?.SetTag(Tags.StatusCode, statusCode);
        if (errorType is not null || statusCode is >= 400)
        {
            activity?.SetTag(Tags.ErrorType, errorType ?? statusCode?.ToString(CultureInfo.InvariantCulture));
        }
        var tags = new TagList
        {
            { Tags.Operation, operation },
            { Tags.StatusCode, statusCode },
        };
        if (errorType is not null)
        {
            tags.Add(Tags.ErrorType, errorType);
        }
        ConnectorCalls.Add(1, tags);
        ConnectorDuration.Record(seconds, tags);
    }

    public static Activity? StartGraphCall(string method, string resource)
    {
        var activity = Source.StartActivity("kiemdiem.graph " + method + " " + resource, ActivityKind.Client);
        activity?.SetTag(Tags.Method, method);
        activity?.SetTag(Tags.GraphResource, resource);
        return activity;
    }

    /// <summary>One HTTP request to Graph: its method, the resource collection it addressed (never ids), its status code.</summary>
    public static void GraphCall(Activity? activity, string method, string resource, int? statusCode, string? errorType, double seconds)
    {
        activity?.SetTag(Tags.StatusCode, statusCode);
        if (errorType is not null || statusCode is >= 400)
        {
            activity?.SetTag(Tags.ErrorType, errorType ?? statusCode?.ToString(CultureInfo.InvariantCulture));
            activity?.SetStatus(ActivityStatusCode.Error);
        }
        var tags = new TagList
        {
            { Tags.Method, method },
            { Tags.GraphResource, resource },
            { Tags.StatusCode, statusCode },
        };
        if (errorType is not null)
        {
            tags.Add(Tags.ErrorType, errorType);
        }
        GraphCalls.Add(1, tags);
        GraphDuration.Record(seconds, tags);
    }
}
