using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>Sent when the bot failed while handling a message: nothing the member did was lost, try again.</summary>
public static class TurnFailedCard
{
    public const int CardVersion = 1;

    public static JsonObject Build()
    {
        var body = new JsonArray(
            CardElements.Paragraph(CardStrings.TurnFailedMessage),
            CardElements.Paragraph(CardStrings.TurnFailedHint));
        var actions = new JsonArray(
            CardActions.Submit(CardStrings.ShowHelpButton, CardVerbs.ShowHelp, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
