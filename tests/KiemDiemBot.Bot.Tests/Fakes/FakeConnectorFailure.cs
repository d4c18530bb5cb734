using System.Net;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// A scripted Connector failure: status, the body Teams documents for it, and Retry-After when it has one; or no
/// answer at all (<see cref="Kind"/>): the connection dropped, or a request left hanging.
/// </summary>
public sealed record FakeConnectorFailure(HttpStatusCode Status, string Body, string? RetryAfter = null, FakeConnectorFailureKind Kind = FakeConnectorFailureKind.Answer)
{
    /// <summary>The connection is closed without an answer, as a reset or a crashed proxy does: the client sees a network error.</summary>
    public static FakeConnectorFailure ConnectionDropped { get; } = new(0, "", Kind: FakeConnectorFailureKind.DropConnection);

    /// <summary>The request is read and never answered, until the client gives up on it.</summary>
    public static FakeConnectorFailure Hang { get; } = new(0, "", Kind: FakeConnectorFailureKind.Hang);

    public static FakeConnectorFailure ServiceUnavailable { get; } = Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "The service is temporarily unavailable.");

    public static FakeConnectorFailure BadGateway { get; } = Error(HttpStatusCode.BadGateway, "BadGateway", "Bad gateway.");

    public static FakeConnectorFailure GatewayTimeout { get; } = Error(HttpStatusCode.GatewayTimeout, "GatewayTimeout", "Gateway timeout.");

    public static FakeConnectorFailure PreconditionFailed { get; } = Error(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "Precondition failed.");

    public static FakeConnectorFailure BadRequest { get; } = Error(HttpStatusCode.BadRequest, "BadSyntax", "Incorrect conversation creation parameters");

    public static FakeConnectorFailure NotFound { get; } = Error(HttpStatusCode.NotFound, "ConversationNotFound", "Conversation not found.");

    /// <summary>413 <c>MessageSizeTooBig</c> (PROTOCOL.md 3.4).</summary>
    public static FakeConnectorFailure MessageSizeTooBig { get; } = Error(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig", "Message size too big.");

    /// <summary>403 when the app is not installed for the user: no MessageWritesBlocked subCode.</summary>
    public static FakeConnectorFailure ForbiddenOperation { get; } = Error(HttpStatusCode.Forbidden, "ForbiddenOperationException", "Bot is not installed in user's personal scope");

    /// <summary>
    /// 403 for a user who blocked or uninstalled the bot, byte for byte the sample in msteams-docs
    /// send-proactive-messages.md: the subCode is JSON inside the top-level <c>message</c> string.
    /// </summary>
    public static FakeConnectorFailure MessageWritesBlocked { get; } = new(
        HttpStatusCode.Forbidden,
        "{\"errorCode\":209,\"message\":\"{\\r\\n  \\\"subCode\\\": \\\"MessageWritesBlocked\\\",\\r\\n  \\\"details\\\": \\\"Thread is blocked from message writes.\\\",\\r\\n  \\\"errorCode\\\": null,\\r\\n  \\\"errorSubCode\\\": null\\r\\n}\"}");

    /// <summary>429 with <c>Retry-After</c> in seconds, or without it when <paramref name="retryAfter"/> is null.</summary>
    public static FakeConnectorFailure Throttled(TimeSpan? retryAfter) => Error(
        HttpStatusCode.TooManyRequests, "Throttled", "Too many requests.",
        retryAfter is { } wait ? ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);

    /// <summary>429 with <c>Retry-After</c> as an HTTP date.</summary>
    public static FakeConnectorFailure ThrottledUntil(DateTimeOffset until) => Error(
        HttpStatusCode.TooManyRequests, "Throttled", "Too many requests.", until.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The <c>{error:{code, message}}</c> ErrorResponse shape (PROTOCOL.md 3.4).</summary>
    public static FakeConnectorFailure Error(HttpStatusCode status, string code, string message, string? retryAfter = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), retryAfter);
}

/// <summary>How a scripted failure shows: an HTTP answer, a dropped connection, or no answer at all.</summary>
public enum FakeConnectorFailureKind
{
    Answer,
    DropConnection,
    Hang,
}
