using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Rankings;

/// <summary>The decisions' log lines: ids, outcomes and counts only; never a name, a level, a reason or a tally.</summary>
internal static partial class RankingLog
{
    [LoggerMessage(EventId = 7901, Level = LogLevel.Information, Message = "Member {MemberId} may not {Action}")]
    public static partial void Refused(ILogger logger, Guid memberId, string action);

    [LoggerMessage(EventId = 7902, Level = LogLevel.Information, Message = "Adoption by body {BodyId} in cycle {CycleId} checked for member {MemberId}: {Pending} ballots pending, {Blockers} blockers")]
    public static partial void Checked(ILogger logger, Guid bodyId, Guid cycleId, Guid memberId, int pending, int blockers);

    [LoggerMessage(EventId = 7903, Level = LogLevel.Information, Message = "Body {BodyId} adopted {Rankings} rankings in cycle {CycleId} (member {MemberId})")]
    public static partial void Adopted(ILogger logger, Guid bodyId, Guid cycleId, Guid memberId, int rankings);

    [LoggerMessage(EventId = 7904, Level = LogLevel.Information,
        Message = "Approval ballot {BallotId} of body {BodyId} opened by member {MemberId}: {Voters} voters, {Staged} cards staged, {AlreadySent} sent before, {Unreachable} unreachable")]
    public static partial void ApprovalOpened(ILogger logger, Guid ballotId, Guid bodyId, Guid memberId, int voters, int staged, int alreadySent, int unreachable);

    [LoggerMessage(EventId = 7905, Level = LogLevel.Information, Message = "{Action} by member {MemberId} refused by the rules")]
    public static partial void ActionRefused(ILogger logger, string action, Guid memberId);

    [LoggerMessage(EventId = 7906, Level = LogLevel.Information, Message = "Ballot {BallotId}: a paper batch of {Ballots} ballots recorded by member {MemberId}")]
    public static partial void PaperRecorded(ILogger logger, Guid ballotId, int ballots, Guid memberId);

    [LoggerMessage(EventId = 7907, Level = LogLevel.Information, Message = "A ranking in cycle {CycleId} re-ranked by member {MemberId}; the member was {Told}")]
    public static partial void ReRanked(ILogger logger, Guid cycleId, Guid memberId, string told);

    [LoggerMessage(EventId = 7908, Level = LogLevel.Warning, Message = "Ballot {BallotId}: the status card was not found to update")]
    public static partial void StatusCardMissing(ILogger logger, Guid ballotId);
}
