namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>Whether enough official members are present to open a ballot.</summary>
/// <param name="Met">The quorum is reached.</param>
/// <param name="MinimumPresent">The fewest official members present that reach it.</param>
/// <param name="Warning">Below the quorum: the warning the secretary sees; null when met.</param>
public sealed record QuorumCheck(bool Met, int MinimumPresent, RuleReason? Warning)
{
    /// <summary>Below the quorum the ballot opens only if the secretary confirms the warning.</summary>
    public bool RequiresSecretaryConfirmation => !Met;
}
