namespace KiemDiemBot.Bot.Files;

/// <summary>The file delivery's log: review ids, statuses and counts; never a file's bytes, name or address.</summary>
internal static partial class FilesLog
{
    [LoggerMessage(EventId = 4711, Level = LogLevel.Information, Message = "Uploaded {Bytes} bytes in {Attempts} attempts")]
    public static partial void Uploaded(ILogger logger, int bytes, int attempts);

    [LoggerMessage(EventId = 4712, Level = LogLevel.Warning, Message = "Upload answered {Status}; retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void UploadRetrying(ILogger logger, int status, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 4713, Level = LogLevel.Warning, Message = "Upload failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void UploadRetryingAfterFailure(ILogger logger, string failure, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 4714, Level = LogLevel.Error, Message = "Upload given up after {Attempts} attempts: answered {Status}")]
    public static partial void UploadRefused(ILogger logger, int attempts, int status);

    [LoggerMessage(EventId = 4715, Level = LogLevel.Error, Message = "Upload given up after {Attempts} attempts: {Failure}")]
    public static partial void UploadUnreachable(ILogger logger, int attempts, string failure);

    [LoggerMessage(EventId = 4716, Level = LogLevel.Warning, Message = "Refused to upload to an address that is not an absolute https URL")]
    public static partial void UploadUrlRefused(ILogger logger);

    [LoggerMessage(EventId = 4721, Level = LogLevel.Information, Message = "File consent {Action} for self-review {ReviewId}: {Outcome}")]
    public static partial void ConsentAnswered(ILogger logger, string action, Guid reviewId, string outcome);

    [LoggerMessage(EventId = 4722, Level = LogLevel.Warning, Message = "Refused file consent invoke {ActivityId}: {Reason}")]
    public static partial void ConsentRefused(ILogger logger, string? activityId, string reason);

    [LoggerMessage(EventId = 4731, Level = LogLevel.Information, Message = "Download link refused: {Status}")]
    public static partial void LinkRefused(ILogger logger, LocalFileLinkStatus status);

    [LoggerMessage(EventId = 4732, Level = LogLevel.Information, Message = "Served the .docx of self-review {ReviewId}")]
    public static partial void Downloaded(ILogger logger, Guid reviewId);

    [LoggerMessage(EventId = 4733, Level = LogLevel.Information, Message = "Served a ballot paper ({Verb})")]
    public static partial void PaperDownloaded(ILogger logger, string verb);

    [LoggerMessage(EventId = 4741, Level = LogLevel.Information, Message = "File consent {Action} for a ballot paper ({Verb}): {Outcome}")]
    public static partial void PaperConsentAnswered(ILogger logger, string action, string verb, string outcome);
}
