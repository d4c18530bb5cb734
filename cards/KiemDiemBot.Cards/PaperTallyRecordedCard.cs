using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>The end of "phiếu giấy": the batch was added to the counts. No numbers per subject (no interim results), no buttons.</summary>
public static class PaperTallyRecordedCard
{
    public static JsonObject Build(PaperTallyRecordedCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Title(RankingCardTexts.PaperRecordedTitle),
            CardElements.Paragraph(string.Format(CultureInfo.InvariantCulture, RankingCardTexts.PaperRecordedText, input.Ballots, input.BodyName, input.PaperBallotsSoFar)));
        return AdaptiveCardDocument.Create(body, []);
    }
}
