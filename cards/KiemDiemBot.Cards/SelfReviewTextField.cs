namespace KiemDiemBot.Cards;

/// <summary>
/// A text box on a self-review card: its id (the key its value is submitted under), its label, the text it starts
/// with (the saved answer, or a refused one to correct) and whether it must be filled in.
/// </summary>
public sealed record SelfReviewTextField(string Id, string Label, string? Value)
{
    public bool IsRequired { get; init; } = true;

    /// <summary>True (default) for a text area; false for a one-line box such as a name.</summary>
    public bool IsMultiline { get; init; } = true;

    public string? Placeholder { get; init; }
}
