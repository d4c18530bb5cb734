namespace KiemDiemBot.Cards;

/// <summary>
/// One step of the self-review: a part of the form (the identity block, an item of section I, sections II to VI,
/// the accepted conclusions), asked in one or more text boxes and, for a graded part, a grade. The flow gives
/// every text, in Vietnamese from its resources.
/// </summary>
/// <param name="Title">The part, e.g. "I.2. Thực hiện chức trách, nhiệm vụ được giao".</param>
/// <param name="Question">What to write, in the form's words.</param>
/// <param name="Fields">The text boxes, in order.</param>
/// <param name="MaxTextLength">The longest text a box takes; the card states it and the boxes enforce it.</param>
public sealed record SelfReviewSectionCardInput(string Title, string Question, IReadOnlyList<SelfReviewTextField> Fields, int MaxTextLength)
{
    /// <summary>Whose review it is, when a secretary enters it on the member's behalf; null for the member's own.</summary>
    public string? Subject { get; init; }

    /// <summary>Where the member is in the form, e.g. "Bước 3/9".</summary>
    public string? Progress { get; init; }

    /// <summary>Lines to read first (what applies to the member's case), one paragraph each.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The heading of <see cref="Places"/>.</summary>
    public string? PlacesHeading { get; init; }

    /// <summary>Where each part of the review will be heard, in order; shown as a numbered list when not empty.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>The self-grade of a graded part; null when the part has none.</summary>
    public SelfReviewChoiceField? Grade { get; init; }

    /// <summary>What was wrong with the last answer, one line each, shown above the boxes.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The button's title; "Lưu và tiếp tục" when null.</summary>
    public string? SubmitTitle { get; init; }
}
