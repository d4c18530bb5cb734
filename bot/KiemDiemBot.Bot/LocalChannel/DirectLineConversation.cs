using System.Text.Json.Serialization;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>Direct Line 3.0's <c>Conversation</c> object, plus the conversation's type for the page.</summary>
public sealed class DirectLineConversation
{
    [JsonPropertyName("conversationId")] public required string ConversationId { get; init; }

    /// <summary>The token bound to this conversation (<see cref="DirectLineSecret.TokenFor"/>).</summary>
    [JsonPropertyName("token")] public required string Token { get; init; }

    [JsonPropertyName("expires_in")] public int ExpiresIn { get; init; } = DirectLineSecret.TokenLifetimeSeconds;

    /// <summary>Empty: the local channel has no WebSocket stream; clients poll (Web Chat with <c>webSocket: false</c>).</summary>
    [JsonPropertyName("streamUrl")] public string StreamUrl { get; init; } = "";

    [JsonPropertyName("conversationType")] public string? ConversationType { get; init; }

    public static DirectLineConversation For(LocalConversation conversation, DirectLineSecret secret) => new()
    {
        ConversationId = conversation.Id,
        Token = secret.TokenFor(conversation.Id),
        ConversationType = conversation.ConversationType,
    };
}
