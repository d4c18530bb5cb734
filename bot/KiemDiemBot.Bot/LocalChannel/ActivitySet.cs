using System.Text.Json.Serialization;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>Direct Line 3.0's answer to <c>GET .../activities</c>: the activities and the watermark to poll from next.</summary>
public sealed class ActivitySet
{
    [JsonPropertyName("activities")] public required IReadOnlyList<Activity> Activities { get; init; }
    [JsonPropertyName("watermark")] public required string Watermark { get; init; }
}
