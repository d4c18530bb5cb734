namespace KiemDiemBot.Cards;

/// <summary>
/// What the self-review cards' buttons carry besides the flow data, and the ids of their inputs that the flow
/// reads back. None of these is one of <see cref="FlowCardData.ReservedKeys"/>.
/// </summary>
public static class SelfReviewCardData
{
    /// <summary>What a summary or submitted card's button asks for: one of the command values below.</summary>
    public const string Command = "command";

    /// <summary>The section an edit button opens (the flow's own name for it).</summary>
    public const string Section = "section";

    /// <summary>Open the section named in <see cref="Section"/> to change it, then come back to the summary.</summary>
    public const string EditCommand = "edit";

    /// <summary>Submit the self-review (nộp).</summary>
    public const string SubmitCommand = "submit";

    /// <summary>A plain answer: save this step and go on.</summary>
    public const string SaveCommand = "save";
}
