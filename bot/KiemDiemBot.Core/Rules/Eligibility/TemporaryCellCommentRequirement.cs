using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>
/// Who needs the temporary cell's written comment (nhận xét của chi bộ nơi sinh hoạt tạm thời): a
/// member in temporary activities elsewhere is ranked at the official cell only after it arrives.
/// </summary>
public static class TemporaryCellCommentRequirement
{
    public static CommentRequirement Decide(MemberFacts member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.ActsTemporarilyElsewhere)
        {
            return new CommentRequirement(false, false, RuleReason.Of(RuleReasonCode.NoTemporaryActivity, RuleTexts.Reason_NoTemporaryActivity));
        }
        return member.TemporaryCellCommentReceived
            ? new CommentRequirement(true, true, RuleReason.Of(RuleReasonCode.TemporaryCellCommentReceived, RuleTexts.Reason_TemporaryCellCommentReceived))
            : new CommentRequirement(true, false, RuleReason.Of(RuleReasonCode.TemporaryCellCommentMissing, RuleTexts.Reason_TemporaryCellCommentMissing));
    }
}
