using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Core.Notices;

/// <summary>
/// The outbox payload of a proactive message: the smallest message activity that carries one Adaptive Card
/// (PROTOCOL.md 3.5: <c>type</c> is required, <c>from</c> may be omitted for Teams, the conversation is in the URL).
/// The same payload serves every recipient; the host's sender reads it as its Activity type.
/// </summary>
public static class NoticeMessage
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Payload(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["content"] = card.DeepClone(),
            }),
        };
        return activity.ToJsonString(Options);
    }
}
