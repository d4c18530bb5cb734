namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>Every eligibility answer for one member at one meeting.</summary>
/// <param name="Reviewed">Reviewed (kiểm điểm) this cycle.</param>
/// <param name="Ranked">Ranked (xếp loại) this cycle at this cell.</param>
/// <param name="Votes">Votes on the cell's ranking ballot at this meeting.</param>
/// <param name="CarriedOver">Absent, so ranked at the next meeting.</param>
/// <param name="TemporaryCellComment">The temporary cell's comment: expected, received.</param>
/// <param name="ResidenceComment">The residence cell's comment: expected, received.</param>
public sealed record MemberEligibility(
    RuleDecision Reviewed,
    RuleDecision Ranked,
    RuleDecision Votes,
    RuleDecision CarriedOver,
    CommentRequirement TemporaryCellComment,
    CommentRequirement ResidenceComment)
{
    /// <summary>Ranked at this very meeting: to be ranked and not carried over.</summary>
    public bool RankedAtThisMeeting => Ranked.Allowed && !CarriedOver.Allowed;

    public static MemberEligibility Assess(MemberFacts member, EligibilitySettings settings, DateOnly meetingDate, bool isPresent) =>
        new(
            ReviewEligibility.Decide(member, settings, meetingDate),
            RankingEligibility.Decide(member, settings, meetingDate),
            VotingEligibility.Decide(member, VotingBody.Cell, isPresent),
            CarryOverRule.Decide(member, settings, meetingDate, isPresent),
            TemporaryCellCommentRequirement.Decide(member),
            ResidenceCommentRequirement.Decide(member));
}
