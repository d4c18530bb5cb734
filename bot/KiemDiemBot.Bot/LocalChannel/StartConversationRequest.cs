using System.Text.Json.Serialization;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The body of <c>POST /v3/directline/conversations</c>: <c>user</c> alone opens that user's personal
/// conversation; <c>group</c> opens the shared group conversation of that name (joined by <c>user</c> when given).
/// </summary>
public sealed class StartConversationRequest
{
    [JsonPropertyName("user")] public ChannelAccount? User { get; set; }
    [JsonPropertyName("group")] public string? Group { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
}
