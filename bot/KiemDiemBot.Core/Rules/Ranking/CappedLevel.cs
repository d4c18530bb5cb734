namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>A proposed level after the hard caps, with every cap that lowered it.</summary>
/// <param name="Proposed">The level proposed (by the self-review, the vote or the secretary).</param>
/// <param name="Level">The level the caps allow: the proposed one, or the lowest ceiling below it.</param>
/// <param name="Caps">The caps whose ceiling is below the proposed level, each with the reason a member can read.</param>
public sealed record CappedLevel(RankingLevel Proposed, RankingLevel Level, IReadOnlyList<AppliedCap> Caps)
{
    public bool WasLowered => Level < Proposed;

    internal static CappedLevel From(RankingLevel proposed, IEnumerable<AppliedCap> ceilings)
    {
        var binding = ceilings.Where(cap => cap.Ceiling < proposed).ToList();
        var level = binding.Aggregate(proposed, (current, cap) => current.AtMost(cap.Ceiling));
        return new CappedLevel(proposed, level, binding);
    }
}
