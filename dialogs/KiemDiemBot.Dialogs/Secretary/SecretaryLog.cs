using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>The secretary's dialogs' log lines: ids, years and counts only, never names or card values.</summary>
internal static partial class SecretaryLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Member {MemberId} may not {Command}")]
    public static partial void Refused(ILogger logger, Guid memberId, string command);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information,
        Message = "Cycle {CycleId} ({Year}) opened by member {MemberId}: {Staged} members told, {AlreadySent} told before, {Unreachable} unreachable")]
    public static partial void CycleOpened(ILogger logger, Guid cycleId, int year, Guid memberId, int staged, int alreadySent, int unreachable);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Information,
        Message = "Meeting dates of organisation {OrganisationId} in cycle {CycleId} saved by member {MemberId}: {Changed} changed, {Warnings} warnings")]
    public static partial void MeetingDatesSaved(ILogger logger, Guid organisationId, Guid cycleId, Guid memberId, int changed, int warnings);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Information, Message = "Comment {Comment} of member {MemberId} marked received={Received} by {SecretaryId} (changed: {Changed})")]
    public static partial void CommentMarked(ILogger logger, Guid memberId, string comment, bool received, Guid secretaryId, bool changed);

    [LoggerMessage(EventId = 7305, Level = LogLevel.Information,
        Message = "Cell {CellId} reminded by member {MemberId} in cycle {CycleId}: {Staged} reminded, {AlreadySent} reminded today already, {Unreachable} unreachable")]
    public static partial void Reminded(ILogger logger, Guid cellId, Guid cycleId, Guid memberId, int staged, int alreadySent, int unreachable);

    [LoggerMessage(EventId = 7306, Level = LogLevel.Information, Message = "Progress of cell {CellId} in cycle {CycleId} shown to member {MemberId}")]
    public static partial void ProgressShown(ILogger logger, Guid cellId, Guid cycleId, Guid memberId);

    [LoggerMessage(EventId = 7307, Level = LogLevel.Information, Message = "Self-review {ReviewId} unlocked by member {SecretaryId}")]
    public static partial void ReviewUnlocked(ILogger logger, Guid reviewId, Guid secretaryId);
}
