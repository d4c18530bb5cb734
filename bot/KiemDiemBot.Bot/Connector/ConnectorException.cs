using System.Net;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// The Bot Connector refused a call, after the retries the policy allows. Carries what the caller needs to
/// decide: the HTTP status, the error code and subCode from the body, and the server's Retry-After.
/// The server's free-text message is not kept: it may quote what was sent.
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>The subCode Teams gives when the user blocked or uninstalled the bot (PROTOCOL.md 3.4).</summary>
    public const string MessageWritesBlockedSubCode = "MessageWritesBlocked";

    public ConnectorException(string operation, HttpStatusCode statusCode, string? errorCode, string? subCode, TimeSpan? retryAfter, int attempts)
        : base($"Bot Connector {operation} failed with {(int)statusCode} {errorCode ?? "(no error code)"}{(subCode is null ? "" : "/" + subCode)} after {attempts} attempt(s).")
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        SubCode = subCode;
        RetryAfter = retryAfter;
        Attempts = attempts;
    }

    /// <summary>The Connector operation, e.g. <c>SendToConversation</c>.</summary>
    public string Operation { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary><c>error.code</c> (or the top-level <c>errorCode</c>) of the answer, when it had one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The subCode, from <c>error.subCode</c>, a top-level <c>subCode</c>, or the JSON inside <c>message</c>.</summary>
    public string? SubCode { get; }

    /// <summary>How long the server asked to wait (429), when it said so.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How many HTTP requests were made before giving up.</summary>
    public int Attempts { get; }

    /// <summary>403 MessageWritesBlocked: the user blocked or removed the bot; stop writing to this conversation.</summary>
    public bool IsMessageWritesBlocked =>
        StatusCode == HttpStatusCode.Forbidden && string.Equals(SubCode, MessageWritesBlockedSubCode, StringComparison.Ordinal);
}
