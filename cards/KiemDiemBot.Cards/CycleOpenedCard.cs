using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Sent to each reachable member when a cycle opens: the review has begun, by when the cell finishes, and a
/// button that starts the member's self-review.
/// </summary>
public static class CycleOpenedCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(CycleOpenedCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, SecretaryTexts.CycleOpenedTitle, input.Year)),
            CardElements.Paragraph(string.Format(culture, SecretaryTexts.CycleOpenedIntro, input.Year)),
            CardElements.Paragraph(string.Format(culture, SecretaryTexts.CycleOpenedDeadline, SecretaryCardElements.FormatDate(input.CellDeadline))),
            CardElements.Note(SecretaryTexts.CycleOpenedHint));
        var actions = new JsonArray(
            CardActions.Submit(SecretaryTexts.StartSelfReviewButton, CardVerbs.StartSelfReview, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
