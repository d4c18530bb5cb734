namespace KiemDiemBot.Cards;

/// <summary>
/// The form that opens a year's review cycle (mở đợt kiểm điểm): the year, the rule set, and each deadline of the
/// plan with its date (the seed's, or what the secretary typed before a refused submit), plus the errors of that
/// submit. <paramref name="ScopeName"/> names the organisation whose members are told; null: every member.
/// </summary>
public sealed record OpenCycleCardInput(
    int? Year,
    string? RuleSetCode,
    IReadOnlyList<OpenCycleChoice> RuleSets,
    IReadOnlyList<OpenCycleDeadline> Deadlines,
    string? ScopeName)
{
    /// <summary>The lowest and highest year the year box accepts.</summary>
    public int MinYear { get; init; } = 2000;

    public int MaxYear { get; init; } = 2100;

    /// <summary>What was wrong with the last submit, one line each, shown above the form.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>A rule set to choose: the code the cycle stores and its Vietnamese name.</summary>
public sealed record OpenCycleChoice(string Code, string Title);

/// <summary>One deadline of the plan: the input's id (not a reserved card data key), its Vietnamese name, its date.</summary>
public sealed record OpenCycleDeadline(string InputId, string Label, DateOnly? DueBefore);
