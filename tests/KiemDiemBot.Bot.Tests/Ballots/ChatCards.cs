using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>Reading the Adaptive Cards of a chat message: its buttons and inputs, and its JSON as a person would search it.</summary>
public static class ChatCards
{
    /// <summary>JSON with Vietnamese letters kept as they are, so a test can search for the text a person reads.</summary>
    public static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The cards attached to the message.</summary>
    public static IEnumerable<JsonObject> Cards(JsonObject activity) =>
        (activity["attachments"]?.AsArray() ?? []).Select(a => a?["content"]).OfType<JsonObject>();

    public static IEnumerable<JsonObject> SubmitActions(JsonObject activity) =>
        Cards(activity).SelectMany(Descendants).OfType<JsonObject>().Where(node => (string?)node["type"] == "Action.Submit");

    public static IEnumerable<JsonObject> Inputs(JsonObject activity) =>
        Cards(activity).SelectMany(Descendants).OfType<JsonObject>().Where(node => ((string?)node["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var nested in Descendants(child))
            {
                yield return nested;
            }
        }
    }
}
