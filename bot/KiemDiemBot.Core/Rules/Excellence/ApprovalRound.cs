using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>
/// One round of the HTXSNV approval ballot (seed B): a name is kept only with agree votes from more than half of
/// the base; among those, the most agree votes fill the seats (<see cref="ExcellenceApproval"/>); a tie at the cut
/// goes to a re-vote among the tied, and when the last allowed round still ties, the tied fall to HTTNV (the
/// minutes say so). Everyone else falls to HTTNV.
/// </summary>
public static class ApprovalRound
{
    /// <summary>The round whose tie drops the tied rather than asking for another re-vote.</summary>
    public const int LastRound = 3;

    public static ApprovalResolution Resolve(IReadOnlyList<ApprovalTally> candidates, int seats, int baseSize, int round)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        ArgumentOutOfRangeException.ThrowIfNegative(baseSize);
        var majority = candidates.Where(c => 2 * c.Agree > baseSize).ToList();
        var resolved = ExcellenceApproval.Resolve(majority, seats);
        var decisions = resolved.Decisions.ToList();
        var seatsForRevote = resolved.SeatsForRevote;
        if (resolved.NeedsRevote && round >= LastRound)
        {
            decisions = [.. decisions.Select(d => d.Outcome == ApprovalOutcome.Revote
                ? d with
                {
                    Outcome = ApprovalOutcome.FallsToGood,
                    Reason = RuleReason.Of(RuleReasonCode.ApprovalFallsToGood, BallotTexts.Approval_TieDropped, d.Agree, round),
                }
                : d)];
            seatsForRevote = 0;
        }
        decisions.AddRange(candidates
            .Where(c => 2 * c.Agree <= baseSize)
            .OrderByDescending(c => c.Agree)
            .Select(c => new ApprovalDecision(c.SubjectId, c.Agree, ApprovalOutcome.FallsToGood,
                RuleReason.Of(RuleReasonCode.ApprovalFallsToGood, BallotTexts.Approval_NoMajority, c.Agree, baseSize))));
        return new ApprovalResolution(decisions, seatsForRevote);
    }
}
