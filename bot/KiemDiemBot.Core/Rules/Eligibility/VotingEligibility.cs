using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>
/// Who votes (bỏ phiếu) on the ranking ballot: official members of the voting body present at the
/// meeting. Probationary members never vote (Party Charter); members exempt from or suspended from
/// activities do not take part; a committee member suspended from the committee does not vote there.
/// </summary>
public static class VotingEligibility
{
    public static RuleDecision Decide(MemberFacts member, VotingBody body, bool isPresent)
    {
        ArgumentNullException.ThrowIfNull(member);
        switch (member.ActivityStatus)
        {
            case PartyActivityStatus.ExemptFromWorkAndActivities:
                return RuleDecision.No(RuleReason.Of(RuleReasonCode.ExemptFromWorkAndActivities, RuleTexts.Reason_ExemptFromWorkAndActivities));
            case PartyActivityStatus.SuspendedFromActivities:
                return RuleDecision.No(RuleReason.Of(RuleReasonCode.SuspendedFromActivities, RuleTexts.Reason_SuspendedFromActivities));
        }
        if (member.Membership == MembershipKind.Probationary)
        {
            return RuleDecision.No(RuleReason.Of(RuleReasonCode.ProbationaryDoesNotVote, RuleTexts.Reason_ProbationaryDoesNotVote));
        }
        if (body == VotingBody.Committee && member.SuspendedFromCommittee)
        {
            return RuleDecision.No(RuleReason.Of(RuleReasonCode.SuspendedFromCommitteeDoesNotVote, RuleTexts.Reason_SuspendedFromCommitteeDoesNotVote));
        }
        if (!isPresent)
        {
            return RuleDecision.No(RuleReason.Of(RuleReasonCode.AbsentDoesNotVote, RuleTexts.Reason_AbsentDoesNotVote));
        }
        return RuleDecision.Yes();
    }
}
