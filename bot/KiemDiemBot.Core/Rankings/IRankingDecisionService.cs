using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Rankings;

/// <summary>A decided ranking of one subject in a cycle.</summary>
/// <param name="Revision">1 when first adopted; each revocation and re-ranking adds one.</param>
/// <param name="Reason">The reason of the last re-ranking (seed II.5), null for the first decision.</param>
/// <param name="FromPaper">Some of the tallies behind it came from paper ballots.</param>
public sealed record RankingView(
    Guid CycleId,
    BallotSubjectKind SubjectKind,
    Guid SubjectId,
    string SubjectName,
    Guid CellId,
    string CellName,
    RankingLevel Level,
    Guid DecidedByBodyId,
    Guid? BallotId,
    int Revision,
    string? Reason,
    DateTimeOffset DecidedAt);

/// <summary>Whether the deciding body can adopt now, and what blocks it.</summary>
/// <param name="DecidingBodyId">The grassroots organisation (cell for a grassroots cell, the committee otherwise).</param>
/// <param name="Pending">Closed ballots of its cells whose results are not adopted yet.</param>
/// <param name="Blockers">Plain Vietnamese lines: open ballots, subjects without a result, the 20% cap exceeded (with the numbers).</param>
/// <param name="ApprovalCandidates">When the cap is exceeded: the HTXSNV names the approval ballot lists; <paramref name="ApprovalSeats"/> are kept.</param>
public sealed record AdoptionCheck(
    Guid CycleId,
    Guid DecidingBodyId,
    string DecidingBodyName,
    IReadOnlyList<Guid> Pending,
    IReadOnlyList<string> Blockers,
    IReadOnlyList<Guid> ApprovalCandidates,
    int ApprovalSeats)
{
    public bool CanAdopt => Blockers.Count == 0 && Pending.Count > 0;

    public bool NeedsApprovalBallot => ApprovalCandidates.Count > 0;
}

/// <summary>What adopting wrote.</summary>
public sealed record AdoptionResult(IReadOnlyList<RankingView> Rankings);

/// <summary>
/// Decisions: the deciding body adopts its cells' closed ballots (blocked until every subject has a result and
/// the 20% cap holds across its cells, per subject type); the approval ballot's outcome drops names to HTTNV;
/// a decided ranking can be revoked and re-ranked with a reason, and the member is told. Every change is audited
/// and staged; the turn commits.
/// </summary>
public interface IRankingDecisionService
{
    /// <summary>The deciding body for the body the ballot ran in, and whether it can adopt.</summary>
    Task<AdoptionCheck> CheckAsync(Guid cycleId, Guid bodyId, CancellationToken cancellationToken);

    /// <summary>Opens the HTXSNV approval ballot in the deciding body (its committee members vote), in this chat.</summary>
    /// <exception cref="BallotRefusedException">Not the deciding body's secretary or deputy, or the cap holds.</exception>
    Task<OpenedBallot> OpenApprovalBallotAsync(Guid cycleId, Guid bodyId, Guid actorMemberId, Meetings.MeetingConversation conversation, CancellationToken cancellationToken);

    /// <summary>Adopts every pending result of the deciding body (secretary or deputy only).</summary>
    /// <exception cref="BallotRefusedException">Not allowed, or <see cref="AdoptionCheck.Blockers"/> is not empty (its lines are the message).</exception>
    Task<AdoptionResult> AdoptAsync(Guid cycleId, Guid bodyId, Guid actorMemberId, CancellationToken cancellationToken);

    /// <summary>Revokes a decided ranking and ranks the subject again at <paramref name="level"/> with a reason; the member is told.</summary>
    /// <exception cref="BallotRefusedException">Not the deciding body's secretary or deputy, no decided ranking, an empty reason, a level above the subject's cap.</exception>
    Task<RankingView> ReRankAsync(Guid cycleId, Guid subjectId, RankingLevel level, string reason, Guid actorMemberId, CancellationToken cancellationToken);

    /// <summary>The decided rankings under an organisation (every cell below it), by cell then name.</summary>
    Task<IReadOnlyList<RankingView>> ListAsync(Guid cycleId, Guid organisationId, CancellationToken cancellationToken);
}
