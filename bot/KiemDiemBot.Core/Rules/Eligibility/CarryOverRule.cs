using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>
/// Who is carried over (chuyển sang cuộc họp gần nhất): a member to be ranked who is absent from
/// the meeting is ranked at the next meeting, and the result is reported upward as a supplement.
/// </summary>
public static class CarryOverRule
{
    public static RuleDecision Decide(MemberFacts member, EligibilitySettings settings, DateOnly meetingDate, bool isPresent)
    {
        var ranking = RankingEligibility.Decide(member, settings, meetingDate);
        if (!ranking.Allowed)
        {
            return ranking;
        }
        return isPresent
            ? RuleDecision.No(RuleReason.Of(RuleReasonCode.PresentRankedNow, RuleTexts.Reason_PresentRankedNow))
            : RuleDecision.Yes(RuleReason.Of(RuleReasonCode.AbsentCarriedOver, RuleTexts.Reason_AbsentCarriedOver));
    }
}
