using System.Text.Json;
using System.Text.Json.Serialization;

namespace KiemDiemBot.Bot.Protocol;

/// <summary>A user or bot on a channel: <c>{id, name, aadObjectId, role}</c>.</summary>
public sealed class ChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
