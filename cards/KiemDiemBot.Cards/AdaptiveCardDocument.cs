using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>
/// The root every card shares: schema version 1.5 (Teams' ceiling; Web Chat renders it too), the schema
/// address, Vietnamese as the card language, its body and its actions.
/// </summary>
internal static class AdaptiveCardDocument
{
    public const string Type = "AdaptiveCard";
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Language = "vi";

    public static JsonObject Create(JsonArray body, JsonArray actions) => new()
    {
        ["type"] = Type,
        ["$schema"] = Schema,
        ["version"] = Version,
        ["lang"] = Language,
        ["body"] = body,
        ["actions"] = actions,
    };
}
