using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Meetings;

namespace KiemDiemBot.Core.Rankings;

/// <summary>
/// What the deciding body's HTXSNV approval ballot (Đồng ý / Không đồng ý per name) opens with: the candidates in
/// list order, the seats the cap allows, and the committee members who vote (all counted present).
/// </summary>
/// <param name="BodyId">The voting body: the grassroots committee's Ban Chấp hành, or the grassroots cell itself.</param>
/// <param name="CandidateIds">The HTXSNV subjects, in list order.</param>
/// <param name="Seats">How many names may keep HTXSNV.</param>
/// <param name="VoterIds">The official members who vote (the base).</param>
public sealed record ApprovalBallotRequest(
    Guid CycleId,
    Guid BodyId,
    BallotSubjectKind SubjectKind,
    IReadOnlyList<Guid> CandidateIds,
    int Seats,
    IReadOnlyList<Guid> VoterIds,
    MeetingConversation Conversation);

/// <summary>Opens an approval ballot (staged for the caller's commit); casting, closing and re-votes are the ballot service's.</summary>
public interface IApprovalBallotOpener
{
    /// <exception cref="BallotRefusedException">Another ballot is open in the body.</exception>
    Task<OpenedBallot> OpenApprovalAsync(ApprovalBallotRequest request, Guid actorMemberId, CancellationToken cancellationToken);
}
