using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>
/// Who is reviewed (kiểm điểm): every member except those exempt from work and activities and
/// those suspended from activities. A committee member suspended from the committee is still
/// reviewed. Under QĐ366 a member admitted less than six months ago is not reviewed either.
/// </summary>
public static class ReviewEligibility
{
    public static RuleDecision Decide(MemberFacts member, EligibilitySettings settings, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(settings);
        switch (member.ActivityStatus)
        {
            case PartyActivityStatus.ExemptFromWorkAndActivities:
                return RuleDecision.No(RuleReason.Of(RuleReasonCode.ExemptFromWorkAndActivities, RuleTexts.Reason_ExemptFromWorkAndActivities));
            case PartyActivityStatus.SuspendedFromActivities:
                return RuleDecision.No(RuleReason.Of(RuleReasonCode.SuspendedFromActivities, RuleTexts.Reason_SuspendedFromActivities));
        }
        if (settings.NewMemberPolicy == NewMemberPolicy.NotReviewed
            && NewMembership.IsNew(member, settings, meetingDate))
        {
            return RuleDecision.No(RuleReason.Of(
                RuleReasonCode.NewMemberNotReviewed,
                RuleTexts.Reason_NewMemberNotReviewed,
                settings.NewMemberMonths,
                member.AdmittedOn));
        }
        if (member.SuspendedFromCommittee)
        {
            return RuleDecision.Yes(RuleReason.Of(RuleReasonCode.SuspendedFromCommitteeStillReviewed, RuleTexts.Reason_SuspendedFromCommitteeStillReviewed));
        }
        return RuleDecision.Yes();
    }
}
