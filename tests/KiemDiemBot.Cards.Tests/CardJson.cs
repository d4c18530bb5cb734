using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>Walks a card's JSON the way a renderer would meet it, including nested cards and fallbacks.</summary>
internal static class CardJson
{
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var nested in Objects(child))
                    {
                        yield return nested;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in Objects(item))
                    {
                        yield return nested;
                    }
                }
                break;
        }
    }

    /// <summary>Every action object anywhere in the card (actions, selectAction, ActionSet, ShowCard).</summary>
    public static IEnumerable<JsonObject> Actions(JsonNode card) =>
        Objects(card).Where(obj => TypeOf(obj)?.StartsWith("Action.", StringComparison.Ordinal) == true);

    public static IEnumerable<JsonObject> SubmitActions(JsonNode card) =>
        Actions(card).Where(action => TypeOf(action) == "Action.Submit");

    /// <summary>Every string a member reads: TextBlock texts, fact titles and values, button titles.</summary>
    public static IEnumerable<string> VisibleTexts(JsonNode card) =>
        Objects(card)
            .SelectMany(obj => new[] { obj["text"], obj["title"], obj["value"] })
            .OfType<JsonValue>()
            .Select(value => value.GetValue<string>());

    public static string? TypeOf(JsonObject obj) =>
        obj["type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : null;
}
