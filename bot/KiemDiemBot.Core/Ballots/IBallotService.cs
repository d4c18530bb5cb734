using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Ballots;

/// <summary>A ranking ballot (four levels per subject) or an HTXSNV approval ballot (agree or not per name).</summary>
public enum BallotKind
{
    Ranking,
    ExcellenceApproval,
}

/// <summary>What the subjects of a ballot are; the 20% cap counts each kind separately.</summary>
public enum BallotSubjectKind
{
    /// <summary>Members of the body (đảng viên), the default.</summary>
    Member,

    /// <summary>The party organisation itself (tổ chức đảng).</summary>
    Organisation,

    /// <summary>A leadership collective (tập thể lãnh đạo, quản lý).</summary>
    LeadershipCollective,
}

public enum BallotState
{
    Open,
    Closed,
}

/// <summary>Where a tally came from: chat ballots, or a paper ballot's tallies entered by the secretary.</summary>
public enum BallotSource
{
    Chat = 0,
    Paper = 1,
}

/// <summary>A summoned member on the ballot's attendance list.</summary>
/// <param name="IsOfficial">Đảng viên chính thức (probationary members never vote).</param>
/// <param name="IsExempt">Exempt from work and activities: left out of the base, does not vote.</param>
/// <param name="IsPresent">Ticked present by the secretary.</param>
public sealed record BallotAttendee(Guid MemberId, string FullName, bool IsOfficial, bool IsExempt, bool IsPresent)
{
    /// <summary>Casts a ballot: official, not exempt, present.</summary>
    public bool MayVote => IsOfficial && !IsExempt && IsPresent;
}

/// <summary>A subject on the ballot, in agenda order, with the levels its caps allow and why.</summary>
/// <param name="AllowedLevels">Best first; for an approval ballot always empty (the choice is agree or not).</param>
/// <param name="CapReasons">The Vietnamese reasons for each cap below HTXSNV, shown on the ballot.</param>
public sealed record BallotSubjectView(Guid SubjectId, string Name, IReadOnlyList<RankingLevel> AllowedLevels, IReadOnlyList<string> CapReasons);

/// <summary>The setup card's starting point: default subjects (the body's members to rank, agenda order) and attendance (from the meeting's participants).</summary>
/// <param name="Quorum">The 2/3 check on the default attendance (everyone present).</param>
public sealed record BallotSetup(
    Guid CycleId,
    Guid BodyId,
    string BodyName,
    Guid? MeetingId,
    IReadOnlyList<BallotSubjectView> MemberSubjects,
    BallotSubjectView? OrganisationSubject,
    IReadOnlyList<BallotSubjectView> CollectiveSubjects,
    IReadOnlyList<BallotAttendee> Attendance);

/// <summary>The secretary's choices on the setup card.</summary>
/// <param name="SubjectIds">The subjects, in the order to list them; all of one <paramref name="SubjectKind"/>.</param>
/// <param name="PresentMemberIds">Summoned official members ticked present.</param>
/// <param name="QuorumOverride">The secretary confirmed opening below the quorum.</param>
/// <param name="Conversation">The meeting chat the status card is posted in.</param>
public sealed record OpenBallotRequest(
    Guid CycleId,
    Guid BodyId,
    BallotSubjectKind SubjectKind,
    IReadOnlyList<Guid> SubjectIds,
    IReadOnlyCollection<Guid> PresentMemberIds,
    bool QuorumOverride,
    MeetingConversation Conversation);

/// <summary>A ballot as everyone may see it: never who chose what, and no tallies while it is open.</summary>
/// <param name="Round">1 for the first vote; a re-vote (flagged subjects only, or the tied names) is the next round.</param>
/// <param name="Seats">For an approval ballot: how many HTXSNV names may be kept.</param>
/// <param name="Base">The counting base: official members summoned, less those exempt.</param>
/// <param name="EligibleVoters">Official members present (not exempt): Y of "đã bỏ phiếu X/Y".</param>
/// <param name="Cast">Chat ballots cast so far: X.</param>
/// <param name="PaperBallots">Paper ballots entered by the secretary.</param>
public sealed record BallotView(
    Guid BallotId,
    Guid CycleId,
    Guid BodyId,
    string BodyName,
    BallotKind Kind,
    BallotSubjectKind SubjectKind,
    BallotState State,
    int Round,
    Guid? PreviousBallotId,
    int Seats,
    int Base,
    int EligibleVoters,
    int Cast,
    int PaperBallots,
    bool QuorumOverridden,
    MeetingConversation Conversation,
    IReadOnlyList<BallotSubjectView> Subjects);

/// <summary>The result of opening: the ballot and who gets a private ballot card (the caller stages the cards with <c>IMemberNotices</c>).</summary>
public sealed record OpenedBallot(BallotView Ballot, IReadOnlyList<Guid> VoterIds);

/// <summary>One subject's count after closing.</summary>
/// <param name="Votes">Votes per level (ranking) — chat and paper added up.</param>
/// <param name="Agree">Approval ballot: agree votes (chat and paper).</param>
/// <param name="Level">The adopted level; null when no level had more than half of the base (re-vote).</param>
/// <param name="Outcome">The Vietnamese sentence saying how the level was reached, or why there is none.</param>
public sealed record SubjectResult(
    Guid SubjectId,
    string Name,
    IReadOnlyDictionary<RankingLevel, int> Votes,
    int Agree,
    int Disagree,
    RankingLevel? Level,
    bool NeedsRevote,
    string Outcome);

/// <summary>A closed ballot's result card: per subject, and what remains to do (re-vote, cap, adoption).</summary>
/// <param name="CapWarning">The 20% cap does not hold (a cell's result only warns; the deciding body's adoption is blocked).</param>
/// <param name="ToDo">Plain Vietnamese lines: what the secretary does next.</param>
public sealed record BallotResult(BallotView Ballot, IReadOnlyList<SubjectResult> Subjects, string? CapWarning, IReadOnlyList<string> ToDo)
{
    public bool NeedsRevote => Subjects.Any(s => s.NeedsRevote);
}

/// <summary>A paper ballot's tallies for one subject, entered by the secretary.</summary>
/// <param name="Votes">Ranking ballot: votes per level.</param>
/// <param name="Agree">Approval ballot: agree votes.</param>
public sealed record PaperTally(Guid SubjectId, IReadOnlyDictionary<RankingLevel, int> Votes, int Agree, int Disagree);

/// <summary>
/// Secret ballots: open (secretary or deputy of the body, quorum checked), cast (one ballot per eligible voter,
/// the whole ballot in one submit, final), close, paper tallies, re-votes, results. Who voted is stored apart from
/// what was chosen: anonymous counters per subject and choice, no per-vote rows, times or order. Every change is
/// staged; the turn commits (a cast counts exactly once because its counter updates commit with the voter's flag).
/// </summary>
public interface IBallotService
{
    /// <summary>The setup card's defaults for the body the actor may open a ballot for; null when they may not.</summary>
    Task<BallotSetup?> ProposeAsync(Guid cycleId, Guid actorMemberId, Guid? bodyId, CancellationToken cancellationToken);

    /// <summary>Opens a ranking ballot; the caller sends one private ballot card to each of <see cref="OpenedBallot.VoterIds"/>.</summary>
    /// <exception cref="BallotRefusedException">Not the body's secretary or deputy, no subject, below quorum without override, another ballot open in the body.</exception>
    Task<OpenedBallot> OpenAsync(OpenBallotRequest request, Guid actorMemberId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the HTXSNV approval ballot of the deciding body (the cap exceeded): every candidate agreed or not; voters are
    /// the body's committee members (official, not exempt), all present. The caller sends the private ballot cards.
    /// </summary>
    /// <param name="seats">How many names may keep HTXSNV (0 to the number of candidates).</param>
    /// <exception cref="BallotRefusedException">Not the body's secretary or deputy, no candidate, seats out of range, another ballot open in the body.</exception>
    Task<OpenedBallot> OpenApprovalAsync(
        Guid cycleId, Guid decidingBodyId, IReadOnlyList<Guid> candidateIds, int seats, MeetingConversation conversation, Guid actorMemberId,
        CancellationToken cancellationToken);

    /// <summary>Casts a whole ranking ballot: one level per subject.</summary>
    /// <exception cref="BallotRefusedException">Closed, not an eligible voter here, already cast, an unknown or missing subject, a level above the subject's cap.</exception>
    Task<BallotView> CastAsync(Guid ballotId, Guid voterMemberId, IReadOnlyDictionary<Guid, RankingLevel> choices, CancellationToken cancellationToken);

    /// <summary>Casts a whole approval ballot: agree or not per name.</summary>
    Task<BallotView> CastApprovalAsync(Guid ballotId, Guid voterMemberId, IReadOnlyDictionary<Guid, bool> agrees, CancellationToken cancellationToken);

    /// <summary>Adds a paper ballot batch's tallies (marked as paper); <paramref name="ballots"/> is how many paper ballots they came from.</summary>
    Task<BallotView> RecordPaperAsync(Guid ballotId, Guid actorMemberId, int ballots, IReadOnlyList<PaperTally> tallies, CancellationToken cancellationToken);

    /// <summary>Closes the ballot (secretary or deputy of the body) and counts it.</summary>
    Task<BallotResult> CloseAsync(Guid ballotId, Guid actorMemberId, CancellationToken cancellationToken);

    /// <summary>Opens the next round for the flagged subjects only (no result, or tied at the approval cut), with the same attendance.</summary>
    Task<OpenedBallot> OpenRevoteAsync(Guid ballotId, Guid actorMemberId, CancellationToken cancellationToken);

    Task<BallotView?> GetAsync(Guid ballotId, CancellationToken cancellationToken);

    /// <summary>The open ballot of the meeting chat, if any (for `đóng phiếu`).</summary>
    Task<BallotView?> FindOpenAsync(MeetingConversation conversation, CancellationToken cancellationToken);

    /// <summary>The most recently closed ballot of the meeting chat (for the result card and exports).</summary>
    Task<BallotView?> FindLatestAsync(MeetingConversation conversation, CancellationToken cancellationToken);

    /// <summary>The result of a closed ballot.</summary>
    /// <exception cref="BallotRefusedException">It is still open: no interim results exist.</exception>
    Task<BallotResult> GetResultAsync(Guid ballotId, CancellationToken cancellationToken);

    /// <summary>Whether the member may cast on this ballot now (for the ballot card's re-render).</summary>
    Task<bool> HasCastAsync(Guid ballotId, Guid voterMemberId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the member may still cast on this ballot: it is open, and they are on its roll as an official member,
    /// present, not exempt, who has not cast (a refused ballot card comes back filled only then).
    /// </summary>
    Task<bool> MayCastAsync(Guid ballotId, Guid voterMemberId, CancellationToken cancellationToken);
}

/// <summary>A ballot action refused, with the Vietnamese reason to show.</summary>
public sealed class BallotRefusedException(string message) : Exception(message);

/// <summary>The post keys (see <c>DialogReply.PostKey</c>) of a ballot's messages in the meeting chat.</summary>
public static class BallotPostKeys
{
    /// <summary>The status card "đã bỏ phiếu X/Y", posted when the ballot opens and updated in place.</summary>
    public static string Status(Guid ballotId) => "ballot-status:" + ballotId.ToString("N");
}
