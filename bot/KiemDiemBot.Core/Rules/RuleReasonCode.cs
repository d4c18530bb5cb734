namespace KiemDiemBot.Core.Rules;

/// <summary>
/// Stable codes of every reason a rule gives, for lists, statistics and exports ("not ranked, and
/// why"). The Vietnamese text goes with it in <see cref="RuleReason"/>. Values are stored: append only.
/// </summary>
public enum RuleReasonCode
{
    // Eligibility: who is reviewed, ranked, votes, carried over.
    ExemptFromWorkAndActivities = 100,
    SuspendedFromActivities = 101,
    SuspendedFromCommitteeStillReviewed = 102,
    NewMemberNotReviewed = 103,
    NewMemberNotRanked = 104,
    TemporaryCellCommentMissing = 105,
    TemporaryCellCommentReceived = 106,
    NoTemporaryActivity = 107,
    ProbationaryDoesNotVote = 108,
    SuspendedFromCommitteeDoesNotVote = 109,
    AbsentDoesNotVote = 110,
    PresentRankedNow = 111,
    AbsentCarriedOver = 112,

    // Residence comment (Quy định 213-QĐ/TW).
    ResidenceCommentNotReviewed = 200,
    ResidenceCommentNotWorking = 201,
    ResidenceCommentArmedForcesInBarracks = 202,
    ResidenceCommentMobileWorker = 203,
    ResidenceCommentStudentAway = 204,
    ResidenceCommentReceived = 205,
    ResidenceCommentMissing = 206,

    // Places and order.
    PlaceCell = 300,
    PlaceWorkplaceLeadership = 301,
    PlaceCommittee = 302,
    PlaceGrassrootsCommitteeOfHead = 303,
    PlaceHighestCommittee = 304,
    PlaceDecidedByCompetentLevel = 305,
    CoChairs = 310,
    DeputyInvitedToCoChair = 311,
    NoDeputyToCoChair = 312,
    HeadChairedByDeputy = 313,
    NoChair = 314,

    // Level suggestion from criterion grades.
    SuggestExcellentCompletion = 400,
    SuggestGoodCompletion = 401,
    SuggestCompletion = 402,
    SuggestNonCompletion = 403,

    // Hard caps.
    CapDisciplinedInYear = 500,
    CapSickLeave = 501,
    CapStateRating = 502,
    CapOrganisationExcellence = 503,
    CapOrganisationDisciplined = 504,
    CapCollectiveAboveOrganisation = 505,
    CapCollectiveDisciplined = 506,
    CapCollectiveMemberDisciplined = 507,
    CapOrganisationNothingRanked = 508,

    // Ballots.
    BallotAdopted = 600,
    BallotNoResult = 601,
    BelowQuorum = 602,

    // Excellence cap and the approval ballot.
    ExcellenceCapExceeded = 700,
    ApprovalKept = 701,
    ApprovalRevote = 702,
    ApprovalFallsToGood = 703,
}
