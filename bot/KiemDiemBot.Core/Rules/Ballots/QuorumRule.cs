using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>
/// The quorum for a ranking ballot: by default two thirds of the official members summoned must be
/// present (checked in integers). Below it the result is a warning the secretary must confirm, not
/// a refusal: no text makes the quorum binding for ranking meetings.
/// </summary>
public static class QuorumRule
{
    public static QuorumCheck Check(Attendance attendance, BallotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(settings);
        var summoned = attendance.OfficialMembersSummoned;
        var present = attendance.OfficialMembersPresent;
        var minimum = (summoned * settings.QuorumNumerator + settings.QuorumDenominator - 1) / settings.QuorumDenominator;
        if (present * settings.QuorumDenominator >= summoned * settings.QuorumNumerator)
        {
            return new QuorumCheck(true, minimum, null);
        }
        return new QuorumCheck(false, minimum, RuleReason.Of(
            RuleReasonCode.BelowQuorum, RuleTexts.Reason_BelowQuorum,
            present, summoned, settings.QuorumNumerator, settings.QuorumDenominator, minimum));
    }
}
