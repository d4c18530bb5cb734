using System.Text.Json.Nodes;

namespace KiemDiemBot.TurnBench;

/// <summary>A question card as a member sees it: the text box to fill in, and the data its button submits.</summary>
internal sealed record FlowQuestion(string InputId, JsonObject Data, string CardActivityId);

/// <summary>Reads what the bot sent the way Teams renders it: the first card's text box and submit button, if any.</summary>
internal static class FlowCardReader
{
    /// <summary>The card's question; null when the message asks nothing (a final card, a text).</summary>
    public static FlowQuestion? Read(ConnectorReply reply)
    {
        if (JsonNode.Parse(reply.Body) is not JsonObject activity
            || activity["attachments"] is not JsonArray { Count: > 0 } attachments
            || attachments[0]?["content"] is not JsonObject card)
        {
            return null;
        }
        string? inputId = null;
        JsonObject? data = null;
        foreach (var node in Walk(card))
        {
            var type = node["type"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (type == "Input.Text" && inputId is null)
            {
                inputId = node["id"]?.GetValue<string>();
            }
            else if (type == "Action.Submit" && data is null && node["data"] is JsonObject submitted)
            {
                data = (JsonObject)submitted.DeepClone();
            }
        }
        return inputId is not null && data is not null ? new FlowQuestion(inputId, data, reply.Id) : null;
    }

    private static IEnumerable<JsonObject> Walk(JsonNode node)
    {
        if (node is JsonObject item)
        {
            yield return item;
            foreach (var (_, child) in item)
            {
                if (child is not null)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray list)
        {
            foreach (var child in list)
            {
                if (child is not null)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
