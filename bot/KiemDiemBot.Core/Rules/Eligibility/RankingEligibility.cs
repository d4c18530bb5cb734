using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>
/// Who is ranked (xếp loại) in the cycle at this cell: a reviewed member, except one admitted less
/// than six months ago (self-review only), and a member in temporary activities elsewhere whose
/// temporary cell has not yet sent its written comment (ranked once it arrives).
/// Whether the member is present is a separate question: see <see cref="CarryOverRule"/>.
/// </summary>
public static class RankingEligibility
{
    public static RuleDecision Decide(MemberFacts member, EligibilitySettings settings, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(settings);
        var review = ReviewEligibility.Decide(member, settings, meetingDate);
        if (!review.Allowed)
        {
            return review;
        }
        if (NewMembership.IsNew(member, settings, meetingDate))
        {
            return RuleDecision.No(RuleReason.Of(
                RuleReasonCode.NewMemberNotRanked,
                RuleTexts.Reason_NewMemberNotRanked,
                settings.NewMemberMonths,
                member.AdmittedOn));
        }
        if (member.ActsTemporarilyElsewhere && !member.TemporaryCellCommentReceived)
        {
            return RuleDecision.No(RuleReason.Of(RuleReasonCode.TemporaryCellCommentMissing, RuleTexts.Reason_TemporaryCellCommentMissing));
        }
        return RuleDecision.Yes();
    }
}
