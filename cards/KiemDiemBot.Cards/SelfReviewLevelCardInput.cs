namespace KiemDiemBot.Cards;

/// <summary>A rule that caps the level the member may propose: the highest level it allows and why, in Vietnamese.</summary>
public sealed record SelfReviewLevelCap(string Ceiling, string Reason);

/// <summary>
/// Section VII: what the rules say first (the level the member's grades suggest and why; every cap that applies
/// and why), then the choice of level as a party member and, for a civil servant, as a civil servant, offering
/// only the levels the caps allow.
/// </summary>
/// <param name="Title">The part, e.g. "VII. Tự nhận mức xếp loại chất lượng".</param>
/// <param name="SuggestedLevel">The level the grades suggest, e.g. "Hoàn thành tốt nhiệm vụ".</param>
/// <param name="SuggestionReason">Why, from the rules.</param>
/// <param name="Caps">Every cap that applies; empty when none does.</param>
/// <param name="PartyLevel">VII.2, the level as a party member (only the allowed levels among its choices).</param>
public sealed record SelfReviewLevelCardInput(
    string Title,
    string SuggestedLevel,
    string SuggestionReason,
    IReadOnlyList<SelfReviewLevelCap> Caps,
    SelfReviewChoiceField PartyLevel)
{
    /// <summary>Whose review it is, when a secretary enters it on the member's behalf.</summary>
    public string? Subject { get; init; }

    public string? Progress { get; init; }

    /// <summary>Lines to read before choosing (e.g. why only one level is offered).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>VII.1, the level as a cadre or civil servant; null for a member who is not one.</summary>
    public SelfReviewChoiceField? CivilServantLevel { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    public string? SubmitTitle { get; init; }
}
