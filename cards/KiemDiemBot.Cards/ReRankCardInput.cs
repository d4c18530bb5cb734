namespace KiemDiemBot.Cards;

/// <summary>
/// The re-rank form of a deciding body: its decided rankings to choose from, the four levels (value, name), the
/// reason's limit, and the errors of a refused submit.
/// </summary>
public sealed record ReRankCardInput(string BodyName, IReadOnlyList<ReRankChoice> Subjects, IReadOnlyList<ReRankChoice> Levels, int MaxReasonLength)
{
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>One choice: the value submitted and the title shown.</summary>
public sealed record ReRankChoice(string Value, string Title);
