using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules;

/// <summary>Order and Vietnamese names of the ranking levels.</summary>
public static class RankingLevels
{
    /// <summary>The levels from the best (HTXSNV) to the worst (KHTNV), the order a ballot lists them.</summary>
    public static IReadOnlyList<RankingLevel> TopDown { get; } =
    [
        RankingLevel.ExcellentCompletion,
        RankingLevel.GoodCompletion,
        RankingLevel.Completion,
        RankingLevel.NonCompletion,
    ];

    public static bool IsAtLeast(this RankingLevel level, RankingLevel other) => level >= other;

    /// <summary>The lower (worse) of two levels: what a ceiling leaves of a proposed level.</summary>
    public static RankingLevel AtMost(this RankingLevel level, RankingLevel ceiling) =>
        level <= ceiling ? level : ceiling;

    /// <summary>The full Vietnamese name, e.g. "Hoàn thành xuất sắc nhiệm vụ".</summary>
    public static string DisplayName(this RankingLevel level) => level switch
    {
        RankingLevel.ExcellentCompletion => RuleTexts.Level_ExcellentCompletion,
        RankingLevel.GoodCompletion => RuleTexts.Level_GoodCompletion,
        RankingLevel.Completion => RuleTexts.Level_Completion,
        RankingLevel.NonCompletion => RuleTexts.Level_NonCompletion,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The abbreviation used on lists and ballots, e.g. "HTXSNV".</summary>
    public static string Abbreviation(this RankingLevel level) => level switch
    {
        RankingLevel.ExcellentCompletion => RuleTexts.LevelShort_ExcellentCompletion,
        RankingLevel.GoodCompletion => RuleTexts.LevelShort_GoodCompletion,
        RankingLevel.Completion => RuleTexts.LevelShort_Completion,
        RankingLevel.NonCompletion => RuleTexts.LevelShort_NonCompletion,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
