namespace KiemDiemBot.Core.Rankings;

/// <summary>The limits of what a decision keeps, for the cards that collect it.</summary>
public static class RankingDecisionLimits
{
    /// <summary>The longest re-ranking reason kept (the column's length).</summary>
    public const int MaxReasonLength = 2000;
}
