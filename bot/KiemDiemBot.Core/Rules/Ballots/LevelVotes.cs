namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>The anonymous tally of one subject's ranking ballot: votes cast for each level.</summary>
public sealed record LevelVotes(int ExcellentCompletion, int GoodCompletion, int Completion, int NonCompletion)
{
    public static LevelVotes None { get; } = new(0, 0, 0, 0);

    /// <summary>Every vote cast for a level (blank or spoiled ballots are not votes).</summary>
    public int Total => ExcellentCompletion + GoodCompletion + Completion + NonCompletion;

    public int For(RankingLevel level) => level switch
    {
        RankingLevel.ExcellentCompletion => ExcellentCompletion,
        RankingLevel.GoodCompletion => GoodCompletion,
        RankingLevel.Completion => Completion,
        RankingLevel.NonCompletion => NonCompletion,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The votes for this level or a better one: the cumulative count from the top.</summary>
    public int AtOrAbove(RankingLevel level) =>
        RankingLevels.TopDown.Where(other => other >= level).Sum(For);

    /// <summary>This tally with one more vote for <paramref name="level"/>.</summary>
    public LevelVotes With(RankingLevel level) => level switch
    {
        RankingLevel.ExcellentCompletion => this with { ExcellentCompletion = ExcellentCompletion + 1 },
        RankingLevel.GoodCompletion => this with { GoodCompletion = GoodCompletion + 1 },
        RankingLevel.Completion => this with { Completion = Completion + 1 },
        RankingLevel.NonCompletion => this with { NonCompletion = NonCompletion + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
