using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The read-only card that replaces, in place, a flow card submitted after the flow had moved on: it says the
/// card is out of date and where the current one is, with no button left to press.
/// </summary>
public static class OutdatedCard
{
    public static JsonObject Build()
    {
        var body = new JsonArray(
            CardElements.Paragraph(CardStrings.OutdatedCardMessage),
            CardElements.Note(CardStrings.OutdatedCardHint));
        return AdaptiveCardDocument.Create(body, []);
    }
}
