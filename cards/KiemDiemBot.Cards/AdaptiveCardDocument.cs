using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>
/// The root every card shares: schema version 1.5 (Teams' ceiling; Web Chat renders it too), the schema
/// address, its body and its actions. No "lang": adaptivecards 3.0.6 checks it with a global regular
/// expression whose state leaks between cards, so every other card is reported invalid.
/// </summary>
internal static class AdaptiveCardDocument
{
    public const string Type = "AdaptiveCard";
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Create(JsonArray body, JsonArray actions) => new()
    {
        ["type"] = Type,
        ["$schema"] = Schema,
        ["version"] = Version,
        ["body"] = body,
        ["actions"] = actions,
    };
}
