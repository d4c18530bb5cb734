using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>
/// Who needs the residence cell's comment (nhận xét nơi cư trú, Quy định 213-QĐ/TW, Mẫu 3-213):
/// every reviewed member who is in work, except army or police in barracks, mobile workers and
/// full-time students studying away.
/// </summary>
public static class ResidenceCommentRequirement
{
    public static CommentRequirement Decide(MemberFacts member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.ActivityStatus != PartyActivityStatus.Active)
        {
            return NotRequired(RuleReasonCode.ResidenceCommentNotReviewed, RuleTexts.Reason_ResidenceCommentNotReviewed);
        }
        if (!member.IsWorking)
        {
            return NotRequired(RuleReasonCode.ResidenceCommentNotWorking, RuleTexts.Reason_ResidenceCommentNotWorking);
        }
        switch (member.ResidenceExemption)
        {
            case ResidenceCommentExemption.ArmedForcesInBarracks:
                return NotRequired(RuleReasonCode.ResidenceCommentArmedForcesInBarracks, RuleTexts.Reason_ResidenceCommentArmedForcesInBarracks);
            case ResidenceCommentExemption.MobileWorker:
                return NotRequired(RuleReasonCode.ResidenceCommentMobileWorker, RuleTexts.Reason_ResidenceCommentMobileWorker);
            case ResidenceCommentExemption.StudentAway:
                return NotRequired(RuleReasonCode.ResidenceCommentStudentAway, RuleTexts.Reason_ResidenceCommentStudentAway);
        }
        return member.ResidenceCommentReceived
            ? new CommentRequirement(true, true, RuleReason.Of(RuleReasonCode.ResidenceCommentReceived, RuleTexts.Reason_ResidenceCommentReceived))
            : new CommentRequirement(true, false, RuleReason.Of(RuleReasonCode.ResidenceCommentMissing, RuleTexts.Reason_ResidenceCommentMissing));
    }

    private static CommentRequirement NotRequired(RuleReasonCode code, string text) =>
        new(false, false, RuleReason.Of(code, text));
}
