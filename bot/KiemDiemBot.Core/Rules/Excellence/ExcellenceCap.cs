using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>
/// The excellence cap (R6): the count at HTXSNV may not exceed a percentage (20%, or 25% by
/// exception) of the count at HTTNV in the same group, checked in integers (5·E ≤ G, or 4·E ≤ G).
/// HTTNV does not include HTXSNV. A group of T subjects at HTTNV or better holds at most ⌊T/6⌋
/// HTXSNV (⌊T/5⌋ at 25%): T = 5 → 0, 6 → 1, 12 → 2, 30 → 5.
/// </summary>
public static class ExcellenceCap
{
    /// <summary>
    /// The most HTXSNV allowed beside <paramref name="good"/> HTTNV: the percentage rounded down, since
    /// the count may not go over it (no half-up rounding).
    /// </summary>
    public static int AllowedBeside(int good, ExcellenceCapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(good);
        return settings.EffectivePercent * good / 100;
    }

    /// <summary>Whether <paramref name="excellent"/> HTXSNV beside <paramref name="good"/> HTTNV keep the cap.</summary>
    public static bool Holds(int excellent, int good, ExcellenceCapSettings settings) =>
        excellent <= AllowedBeside(good, settings);

    /// <summary>
    /// The most HTXSNV a group can hold when <paramref name="goodOrBetter"/> of its subjects are at
    /// HTTNV or better and every one not kept at HTXSNV falls to HTTNV.
    /// </summary>
    public static int MaximumExcellent(int goodOrBetter, ExcellenceCapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(goodOrBetter);
        var maximum = 0;
        while (maximum < goodOrBetter && Holds(maximum + 1, goodOrBetter - maximum - 1, settings))
        {
            maximum++;
        }
        return maximum;
    }

    /// <summary>Checks one cap group as ranked; the caller decides the group (scope is data).</summary>
    public static ExcellenceCapCheck Check(IReadOnlyList<CapGroupSubject> group, ExcellenceCapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(settings);
        var excellent = group.Where(s => s.Level == RankingLevel.ExcellentCompletion).Select(s => s.SubjectId).ToList();
        var good = group.Count(s => s.Level == RankingLevel.GoodCompletion);
        var maximum = MaximumExcellent(excellent.Count + good, settings);
        if (Holds(excellent.Count, good, settings))
        {
            return new ExcellenceCapCheck(excellent.Count, good, maximum, true, [], null);
        }
        return new ExcellenceCapCheck(excellent.Count, good, maximum, false, excellent, RuleReason.Of(
            RuleReasonCode.ExcellenceCapExceeded, RuleTexts.Reason_ExcellenceCapExceeded,
            excellent.Count, good, settings.EffectivePercent, maximum));
    }
}
