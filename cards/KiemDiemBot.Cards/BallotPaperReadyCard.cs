using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Sent to the secretary's personal chat when they ask for a ballot paper in the meeting chat (files are handed over
/// only in a personal chat: Teams' file consent works nowhere else): names the paper, and its button asks for it here.
/// </summary>
public static class BallotPaperReadyCard
{
    public static JsonObject Build(BallotPaperReadyCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Title(input.Request.Title),
            CardElements.Paragraph(string.Format(CultureInfo.CurrentCulture, BallotPaperTexts.Ready_Message, input.Request.Title.ToLower(CultureInfo.CurrentCulture), input.BodyName, input.Year)));
        var actions = new JsonArray(input.Request.Button(BallotPaperTexts.Ready_Button));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
