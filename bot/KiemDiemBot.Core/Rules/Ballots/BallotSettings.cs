namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>How ranking ballots are counted; each part is a setting of the cycle.</summary>
/// <param name="Base">What "more than half" is counted against.</param>
/// <param name="QuorumNumerator">With <paramref name="QuorumDenominator"/>: the share of official members summoned who must be present (2/3 by default).</param>
/// <param name="QuorumDenominator">See <paramref name="QuorumNumerator"/>.</param>
public sealed record BallotSettings(BallotBase Base, int QuorumNumerator, int QuorumDenominator)
{
    public static BallotSettings Default { get; } = new(BallotBase.OfficialMembersSummoned, 2, 3);
}
