using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Ballots;

/// <summary>
/// The ballot dialogs' log lines: ballot, body and member ids with outcomes and counts. Never a choice, a card value
/// or a name; and a cast is logged without the voter, so no line ties a voter to the moment a count changed.
/// </summary>
internal static partial class BallotLog
{
    [LoggerMessage(EventId = 7801, Level = LogLevel.Information, Message = "Member {MemberId} may not {Action}")]
    public static partial void Refused(ILogger logger, Guid memberId, string action);

    [LoggerMessage(EventId = 7802, Level = LogLevel.Information,
        Message = "Ballot {BallotId} (round {Round}) of body {BodyId} opened by member {MemberId}: {Voters} voters, {Staged} cards staged, {AlreadySent} sent before, {Unreachable} unreachable")]
    public static partial void Opened(ILogger logger, Guid ballotId, int round, Guid bodyId, Guid memberId, int voters, int staged, int alreadySent, int unreachable);

    [LoggerMessage(EventId = 7803, Level = LogLevel.Information, Message = "Ballot {BallotId}: a ballot was counted")]
    public static partial void Cast(ILogger logger, Guid ballotId);

    [LoggerMessage(EventId = 7804, Level = LogLevel.Information, Message = "Ballot {BallotId}: a cast was refused ({Reason})")]
    public static partial void CastRefused(ILogger logger, Guid ballotId, string reason);

    [LoggerMessage(EventId = 7805, Level = LogLevel.Information, Message = "Ballot {BallotId} closed by member {MemberId}: {Subjects} subjects, {Revote} to vote again")]
    public static partial void Closed(ILogger logger, Guid ballotId, Guid memberId, int subjects, int revote);

    [LoggerMessage(EventId = 7806, Level = LogLevel.Information, Message = "Ballot {BallotId}: {Action} by member {MemberId} refused")]
    public static partial void ActionRefused(ILogger logger, Guid ballotId, string action, Guid memberId);

    [LoggerMessage(EventId = 7808, Level = LogLevel.Information, Message = "Opening a ballot of body {BodyId} by member {MemberId} refused")]
    public static partial void OpenRefused(ILogger logger, Guid bodyId, Guid memberId);

    [LoggerMessage(EventId = 7807, Level = LogLevel.Warning, Message = "Ballot {BallotId}: the status card was not found to update")]
    public static partial void StatusCardMissing(ILogger logger, Guid ballotId);
}
