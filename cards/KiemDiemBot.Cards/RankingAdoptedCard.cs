using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>The adopted list: per cell, each subject with its level (and a note when the approval ballot dropped it), then the totals. No buttons.</summary>
public static class RankingAdoptedCard
{
    public static JsonObject Build(RankingAdoptedCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(RankingCardTexts.AdoptedTitle),
            CardElements.Paragraph(string.Format(culture, RankingCardTexts.AdoptedIntro, input.BodyName, input.Rankings.Count)));
        foreach (var cell in input.Rankings.GroupBy(r => r.CellName))
        {
            body.Add(CardElements.Heading(cell.Key));
            body.Add(CardElements.FactSet(cell.Select(r =>
                (r.Name, r.DroppedByApproval ? r.Level + " (" + RankingCardTexts.AdoptedDropped + ")" : r.Level))));
        }
        body.Add(CardElements.Heading(RankingCardTexts.AdoptedTotals));
        body.Add(CardElements.FactSet(input.Totals.Select(t => (t.Level, t.Count.ToString(culture)))));
        return AdaptiveCardDocument.Create(body, []);
    }
}
