using System.Text.Json;
using System.Text.Json.Serialization;

namespace KiemDiemBot.Bot.Protocol;

/// <summary>
/// An entity attached to an activity (<c>mention</c>, <c>clientInfo</c>, and types this bot has never
/// heard of). Everything but <c>type</c> stays in <see cref="Properties"/> so that unknown entity
/// types round-trip unchanged.
/// </summary>
public sealed class Entity
{
    public const string MentionType = "mention";

    [JsonPropertyName("type")] public string? Type { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>The mention this entity carries, or null when it is not a mention.</summary>
    public Mention? AsMention()
    {
        if (!string.Equals(Type, MentionType, StringComparison.Ordinal) || Properties is null)
        {
            return null;
        }
        var text = Properties.TryGetValue("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var mentioned = Properties.TryGetValue("mentioned", out var m) && m.ValueKind == JsonValueKind.Object
            ? m.Deserialize<ChannelAccount>(ProtocolJson.Options)
            : null;
        return new Mention(text, mentioned);
    }

    public static Entity FromMention(Mention mention) => new()
    {
        Type = MentionType,
        Properties = new Dictionary<string, JsonElement>
        {
            ["text"] = JsonSerializer.SerializeToElement(mention.Text, ProtocolJson.Options),
            ["mentioned"] = JsonSerializer.SerializeToElement(mention.Mentioned, ProtocolJson.Options),
        },
    };
}

/// <summary>A <c>mention</c> entity: <c>{text: "&lt;at&gt;Name&lt;/at&gt;", mentioned: {id, name}}</c>.</summary>
public sealed record Mention(string? Text, ChannelAccount? Mentioned);
