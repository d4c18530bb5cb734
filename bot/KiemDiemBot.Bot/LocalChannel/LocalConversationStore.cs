using System.Collections.Concurrent;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The conversations of the local channel, in memory. This is the channel's storage (what Teams keeps on
/// its side), not the bot's: it is lost on restart, and since ids are derived from the e-mail or group
/// name a person simply finds an empty conversation with the same id again. Each transcript is bounded
/// (<see cref="LocalConversation.MaxTranscriptLength"/>). Only ids of this channel's shape are accepted,
/// and the host listens on loopback only, so the number of conversations stays that of a local session.
/// </summary>
public sealed class LocalConversationStore
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);

    /// <summary>The personal conversation of the user with this e-mail; Created is true the first time.</summary>
    public (LocalConversation Conversation, bool Created) GetOrCreatePersonal(string email) =>
        GetOrCreate(LocalConversationIds.Personal(email), ConversationTypes.Personal, name: null);

    /// <summary>The shared group conversation of this name; Created is true the first time.</summary>
    public (LocalConversation Conversation, bool Created) GetOrCreateGroup(string name) =>
        GetOrCreate(LocalConversationIds.Group(name), ConversationTypes.GroupChat, name.Trim());

    public LocalConversation? Find(string conversationId) =>
        _conversations.TryGetValue(conversationId, out var conversation) ? conversation : null;

    /// <summary>
    /// The conversation the bot writes to. After a restart the bot may still write to a conversation it
    /// knew (a proactive message): a well-formed id is taken up again, empty, so the person sees the message
    /// when they next open their chat.
    /// </summary>
    public LocalConversation? FindForBot(string conversationId, ConversationAccount? hint)
    {
        if (Find(conversationId) is { } known)
        {
            return known;
        }
        if (!LocalConversationIds.IsWellFormed(conversationId))
        {
            return null;
        }
        var type = LocalConversationIds.IsGroup(conversationId) ? ConversationTypes.GroupChat : ConversationTypes.Personal;
        return GetOrCreate(conversationId, type, hint?.Name).Conversation;
    }

    private (LocalConversation Conversation, bool Created) GetOrCreate(string id, string type, string? name)
    {
        if (Find(id) is { } known)
        {
            return (known, false);
        }
        var candidate = new LocalConversation(id, type, name);
        var conversation = _conversations.GetOrAdd(id, candidate);
        return (conversation, ReferenceEquals(conversation, candidate));
    }
}
