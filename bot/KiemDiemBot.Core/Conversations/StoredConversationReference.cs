namespace KiemDiemBot.Core.Conversations;

/// <summary>A conversation reference as Core stores it, independent of the wire format.</summary>
public sealed record StoredConversationReference(
    string ChannelId,
    string ConversationId,
    string UserId,
    string? UserAadObjectId,
    string? BotId,
    string ServiceUrl,
    string? TenantId,
    string? ConversationType,
    string? Locale)
{
    public DateTimeOffset? WritesBlockedAt { get; init; }
}
