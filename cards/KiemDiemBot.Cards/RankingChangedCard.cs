using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>Sent to the member's personal chat when their ranking is re-ranked (seed II.5): the new level and the reason. No buttons.</summary>
public static class RankingChangedCard
{
    public static JsonObject Build(RankingChangedCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(RankingCardTexts.ChangedTitle),
            CardElements.Paragraph(string.Format(culture, RankingCardTexts.ChangedText, input.BodyName, input.Year, input.FromLevel, input.ToLevel)),
            CardElements.Paragraph(string.Format(culture, RankingCardTexts.ChangedReason, input.Reason)));
        return AdaptiveCardDocument.Create(body, []);
    }
}
