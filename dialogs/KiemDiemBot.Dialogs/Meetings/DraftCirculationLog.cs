using KiemDiemBot.Core.Meetings;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Meetings;

/// <summary>The draft circulation's log lines in dialogs: ids, counts and outcomes only, never a comment, a name or a link.</summary>
internal static partial class DraftCirculationLog
{
    [LoggerMessage(EventId = 7431, Level = LogLevel.Information, Message = "Draft comment on meeting {MeetingId} saved for member {MemberId} (replaced: {Replaced})")]
    public static partial void CommentSaved(ILogger logger, Guid meetingId, Guid memberId, bool replaced);

    [LoggerMessage(EventId = 7432, Level = LogLevel.Information, Message = "Draft comment on meeting {MeetingId} by member {MemberId} refused: {Reason}")]
    public static partial void CommentRefused(ILogger logger, Guid meetingId, Guid memberId, DraftCommentRefusal reason);

    [LoggerMessage(EventId = 7433, Level = LogLevel.Information,
        Message = "Draft of meeting {MeetingId} circulated at scheduling: {Outcome}, {Staged} staged, {AlreadySent} sent before, {Unreachable} unreachable")]
    public static partial void CirculatedAtScheduling(ILogger logger, Guid meetingId, DraftCirculationOutcome outcome, int staged, int alreadySent, int unreachable);
}
