namespace KiemDiemBot.Cards;

/// <summary>
/// One question of a flow step, answered in a text box: the step's title, the question, the input's id (the
/// key its value is submitted under; not one of <see cref="FlowCardData.ReservedKeys"/>), the answer so far,
/// and the errors of a refused answer. The flow gives every text, in Vietnamese from its resources.
/// </summary>
public sealed record QuestionCardInput(string Title, string Question, string InputId)
{
    /// <summary>The answer the box starts with (a stored answer, or a refused one to correct).</summary>
    public string? Answer { get; init; }

    public string? Placeholder { get; init; }

    public bool IsMultiline { get; init; }

    /// <summary>What was wrong with the last answer, one line each, shown above the box.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The button's title; "Gửi" when null.</summary>
    public string? SubmitTitle { get; init; }
}
