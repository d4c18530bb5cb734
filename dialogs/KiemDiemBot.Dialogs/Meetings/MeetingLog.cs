using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Meetings;

/// <summary>The meeting dialogs' log lines: ids and counts only, never names, links or card values.</summary>
internal static partial class MeetingLog
{
    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Member {MemberId} refused at {Action}")]
    public static partial void Refused(ILogger logger, Guid memberId, string action);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Information,
        Message = "Meeting {MeetingId} of body {BodyId} scheduled by member {MemberId}: {Participants} participants, {Warnings} warnings")]
    public static partial void Scheduled(ILogger logger, Guid meetingId, Guid bodyId, Guid memberId, int participants, int warnings);

    [LoggerMessage(EventId = 7403, Level = LogLevel.Information, Message = "Meeting {MeetingId} cancelled by member {MemberId}")]
    public static partial void Cancelled(ILogger logger, Guid meetingId, Guid memberId);
}
