using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>
/// Card buttons. Action.Submit for everything the bot answers: Teams mobile and Web Chat do not send
/// Action.Execute. The data names the verb, the flow step (left out for one-shot verbs) and the card's version,
/// so the router finds the handler and recognises a button pressed on a card built by an older bot.
/// Action.OpenUrl only for a link the bot serves (a file to download), which sends the bot nothing.
/// </summary>
internal static class CardActions
{
    public const string SubmitType = "Action.Submit";
    public const string OpenUrlType = "Action.OpenUrl";

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

    public static JsonObject OpenUrl(string title, Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("A card link must be an absolute URL.", nameof(url));
        }
        return new JsonObject
        {
            ["type"] = OpenUrlType,
            ["title"] = title,
            ["url"] = url.AbsoluteUri,
        };
    }
}
