using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>
/// Resolving an exceeded cap by the approval ballot: rank the HTXSNV candidates by agree-votes and
/// keep the most approved up to the seats the cap allows; when candidates tie at the cut, they go
/// to a re-vote among themselves for the seats left; everyone else falls to HTTNV.
/// Never keeps more than <c>seats</c> candidates, and kept plus re-vote seats never exceed it.
/// </summary>
public static class ExcellenceApproval
{
    public static ApprovalResolution Resolve(IReadOnlyList<ApprovalTally> candidates, int seats)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        var ranked = candidates.OrderByDescending(c => c.Agree).ToList();
        if (ranked.Count <= seats)
        {
            return new ApprovalResolution(ranked.Select(c => Kept(c, seats)).ToList(), 0);
        }
        if (seats == 0)
        {
            return new ApprovalResolution(ranked.Select(c => Falls(c, seats)).ToList(), 0);
        }
        var cutVotes = ranked[seats - 1].Agree;
        if (ranked[seats].Agree != cutVotes)
        {
            var decisions = ranked.Select((c, index) => index < seats ? Kept(c, seats) : Falls(c, seats)).ToList();
            return new ApprovalResolution(decisions, 0);
        }
        var keptAbove = ranked.Count(c => c.Agree > cutVotes);
        var tied = ranked.Count(c => c.Agree == cutVotes);
        var seatsLeft = seats - keptAbove;
        var resolved = ranked.Select(c =>
            c.Agree > cutVotes ? Kept(c, seats)
            : c.Agree == cutVotes ? Revote(c, tied, seatsLeft)
            : Falls(c, seats)).ToList();
        return new ApprovalResolution(resolved, seatsLeft);
    }

    private static ApprovalDecision Kept(ApprovalTally candidate, int seats) => new(
        candidate.SubjectId, candidate.Agree, ApprovalOutcome.KeptExcellent,
        RuleReason.Of(RuleReasonCode.ApprovalKept, RuleTexts.Reason_ApprovalKept, candidate.Agree, seats));

    private static ApprovalDecision Revote(ApprovalTally candidate, int tied, int seatsLeft) => new(
        candidate.SubjectId, candidate.Agree, ApprovalOutcome.Revote,
        RuleReason.Of(RuleReasonCode.ApprovalRevote, RuleTexts.Reason_ApprovalRevote, candidate.Agree, tied, seatsLeft));

    private static ApprovalDecision Falls(ApprovalTally candidate, int seats) => new(
        candidate.SubjectId, candidate.Agree, ApprovalOutcome.FallsToGood,
        RuleReason.Of(RuleReasonCode.ApprovalFallsToGood, RuleTexts.Reason_ApprovalFallsToGood, candidate.Agree, seats));
}
