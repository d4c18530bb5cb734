using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Request bodies as the Connector expects them (PROTOCOL.md 3.5): camelCase, nulls omitted, and never the
/// activity's <c>id</c> or <c>timestamp</c>, which the service assigns.
/// </summary>
internal static class ConnectorPayload
{
    public static byte[] FromActivity(Activity activity, string? replyToId = null)
    {
        var node = ToActivityNode(activity);
        if (replyToId is not null && node["replyToId"] is null)
        {
            node["replyToId"] = replyToId;
        }
        return JsonSerializer.SerializeToUtf8Bytes(node, ProtocolJson.Options);
    }

    public static byte[] FromConversationParameters(ConversationParameters parameters)
    {
        var node = JsonSerializer.SerializeToNode(parameters, ProtocolJson.Options)!.AsObject();
        if (parameters.Activity is not null)
        {
            node["activity"] = ToActivityNode(parameters.Activity);
        }
        return JsonSerializer.SerializeToUtf8Bytes(node, ProtocolJson.Options);
    }

    private static JsonObject ToActivityNode(Activity activity)
    {
        var node = JsonSerializer.SerializeToNode(activity, ProtocolJson.Options)!.AsObject();
        node.Remove("id");
        node.Remove("timestamp");
        return node;
    }
}
