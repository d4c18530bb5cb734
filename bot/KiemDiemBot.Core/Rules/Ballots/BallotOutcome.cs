namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>The result of counting one subject's ranking ballot.</summary>
/// <param name="Level">The adopted level; null when no level has more than half of the base.</param>
/// <param name="Base">What "more than half" was counted against.</param>
/// <param name="VotesAtOrAboveLevel">Votes for the adopted level or a better one (0 without a result).</param>
/// <param name="Reason">The sentence the minutes and the secretary show.</param>
public sealed record BallotOutcome(RankingLevel? Level, int Base, int VotesAtOrAboveLevel, RuleReason Reason)
{
    /// <summary>No level passed half: the ballot must be held again.</summary>
    public bool NeedsRevote => Level is null;
}
