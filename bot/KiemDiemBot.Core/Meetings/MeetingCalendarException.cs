namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// A calendar request that failed: the HTTP status and the service's error code, never a message body or personal
/// data. <see cref="IsPermanent"/> failures (403 refused, 404 gone) are not retried until the meeting changes;
/// any other is retried on the next run.
/// </summary>
public sealed class MeetingCalendarException : Exception
{
    public MeetingCalendarException(string operation, int statusCode, string? errorCode, Exception? innerException = null)
        : base($"{operation}: {statusCode} {errorCode}".TrimEnd(), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public MeetingCalendarException()
        : this("calendar", 0, null)
    {
    }

    public MeetingCalendarException(string message)
        : this(message, 0, null)
    {
    }

    public MeetingCalendarException(string message, Exception innerException)
        : this(message, 0, null, innerException)
    {
    }

    /// <summary>What was being done: create, update, cancel, read, find-chat, install.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status, 0 when no answer came (a network failure, a timeout).</summary>
    public int StatusCode { get; }

    /// <summary>The service's error code (Graph's <c>error.code</c>), when it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Refused (403) or gone (404): retrying the same request would fail again.</summary>
    public bool IsPermanent => StatusCode is 403 or 404;
}
