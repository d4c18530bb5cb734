using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>
/// Card buttons. Only Action.Submit: Teams mobile and Web Chat do not send Action.Execute. The data
/// names the verb, the flow step (left out for one-shot verbs) and the card's version, so the router
/// finds the handler and recognises a button pressed on a card built by an older bot.
/// </summary>
internal static class CardActions
{
    public const string SubmitType = "Action.Submit";

    public static JsonObject Submit(string title, string verb, string? step, int cardVersion)
    {
        var data = new JsonObject { [CardDataKeys.Verb] = verb };
        if (step is not null)
        {
            data[CardDataKeys.Step] = step;
        }
        data[CardDataKeys.CardVersion] = cardVersion;
        return new JsonObject
        {
            ["type"] = SubmitType,
            ["title"] = title,
            ["data"] = data,
        };
    }
}
