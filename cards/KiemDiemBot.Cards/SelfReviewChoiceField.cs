namespace KiemDiemBot.Cards;

/// <summary>One option of a choice: the text shown and the value submitted.</summary>
public sealed record SelfReviewChoice(string Title, string Value);

/// <summary>
/// A choice among options shown as radio buttons (a grade, a level): its id, its label, the options in the order
/// shown, the value chosen so far and whether a choice is required.
/// </summary>
public sealed record SelfReviewChoiceField(string Id, string Label, IReadOnlyList<SelfReviewChoice> Choices, string? Value)
{
    public bool IsRequired { get; init; } = true;
}
