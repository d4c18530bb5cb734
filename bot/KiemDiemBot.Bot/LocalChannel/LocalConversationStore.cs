using System.Text.Json;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Transcripts;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The conversations of the local channel in activities' terms, over Core's <see cref="ILocalTranscriptStore"/>:
/// the channel's storage (what Teams keeps on its side), in the database, so a restart keeps the chat
/// history and a person finds their conversation again by its id (derived from the e-mail or group name).
/// Only ids of this channel's shape are taken up, and the host answers loopback only, so the number of
/// conversations stays that of a local session; each transcript is bounded by the store.
/// </summary>
public sealed class LocalConversationStore(ILocalTranscriptStore store)
{
    /// <summary>The longest group name the channel takes (the database keeps 256 characters).</summary>
    public const int MaxGroupNameLength = 256;

    /// <summary>The longest user id (an e-mail address, RFC 5321: 320 characters).</summary>
    public const int MaxUserIdLength = 320;

    /// <summary>The personal conversation of the user with this e-mail; Created is true the first time.</summary>
    public Task<(LocalConversation Conversation, bool Created)> GetOrCreatePersonalAsync(string email, CancellationToken cancellationToken) =>
        GetOrCreateAsync(new LocalConversation(LocalConversationIds.Personal(email), ConversationTypes.Personal, null), cancellationToken);

    /// <summary>The shared group conversation of this name; Created is true the first time.</summary>
    public Task<(LocalConversation Conversation, bool Created)> GetOrCreateGroupAsync(string name, CancellationToken cancellationToken) =>
        GetOrCreateAsync(new LocalConversation(LocalConversationIds.Group(name), ConversationTypes.GroupChat, name.Trim()), cancellationToken);

    public async Task<LocalConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        await store.FindAsync(conversationId, cancellationToken) is { } stored ? LocalConversation.From(stored) : null;

    /// <summary>
    /// The conversation the bot writes to. The bot may write to a conversation nobody has opened in this
    /// database yet (a proactive message): a well-formed id is taken up, empty, so the person sees the
    /// message when they next open their chat.
    /// </summary>
    public async Task<LocalConversation?> FindForBotAsync(string conversationId, ConversationAccount? hint, CancellationToken cancellationToken)
    {
        if (await FindAsync(conversationId, cancellationToken) is { } known)
        {
            return known;
        }
        if (!LocalConversationIds.IsWellFormed(conversationId))
        {
            return null;
        }
        var type = LocalConversationIds.IsGroup(conversationId) ? ConversationTypes.GroupChat : ConversationTypes.Personal;
        var name = type == ConversationTypes.GroupChat ? hint?.Name?.Trim() : null;
        var shortened = name is { Length: > MaxGroupNameLength } ? name[..MaxGroupNameLength] : name;
        return (await GetOrCreateAsync(new LocalConversation(conversationId, type, shortened), cancellationToken)).Conversation;
    }

    /// <summary>Adds a person to the members; true when they were not a member yet.</summary>
    public Task<bool> AddMemberAsync(LocalConversation conversation, ChannelAccount member, CancellationToken cancellationToken) =>
        store.AddMemberAsync(conversation.Id, new LocalConversationMember(member.Id!, member.Name), cancellationToken);

    /// <summary>The people in the conversation, by id (the bot is not one of them, as in Teams).</summary>
    public async Task<IReadOnlyList<ChannelAccount>> MembersAsync(LocalConversation conversation, CancellationToken cancellationToken) =>
        [.. (await store.ListMembersAsync(conversation.Id, cancellationToken)).Select(m => new ChannelAccount { Id = m.UserId, Name = m.Name })];

    /// <summary>Gives the activity the next id and adds it at the end of the transcript; returns the id.</summary>
    public async Task<string> AppendAsync(LocalConversation conversation, Activity activity, CancellationToken cancellationToken) =>
        await store.AppendAsync(conversation.Id, id => { activity.Id = id; return Serialize(activity); }, cancellationToken)
        ?? throw new InvalidOperationException("A local conversation disappeared while an activity was added to it.");

    /// <summary>Replaces the activity with this id; it moves to the end so polling clients see it (Web Chat replaces by id).</summary>
    public Task<bool> ReplaceAsync(LocalConversation conversation, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        return store.ReplaceAsync(conversation.Id, activityId, Serialize(activity), cancellationToken);
    }

    public Task<bool> RemoveAsync(LocalConversation conversation, string activityId, CancellationToken cancellationToken) =>
        store.RemoveAsync(conversation.Id, activityId, cancellationToken);

    /// <summary>Every activity written after the watermark, oldest first (all of them for none, or for one from another database).</summary>
    public async Task<TranscriptPage> ReadAfterAsync(LocalConversation conversation, long? watermark, CancellationToken cancellationToken)
    {
        var page = await store.ReadAfterAsync(conversation.Id, watermark, cancellationToken)
            ?? throw new InvalidOperationException("A local conversation disappeared while its transcript was read.");
        return new TranscriptPage([.. page.Entries.Select(Deserialize)], page.Watermark);
    }

    private async Task<(LocalConversation Conversation, bool Created)> GetOrCreateAsync(LocalConversation conversation, CancellationToken cancellationToken)
    {
        var (stored, created) = await store.GetOrCreateAsync(conversation.ToInfo(), cancellationToken);
        return (LocalConversation.From(stored), created);
    }

    private static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, ProtocolJson.Options);

    private static Activity Deserialize(LocalTranscriptEntry entry)
    {
        var activity = JsonSerializer.Deserialize<Activity>(entry.Payload, ProtocolJson.Options)
            ?? throw new InvalidOperationException("A stored transcript entry is not an activity.");
        activity.Id = entry.ActivityId;
        return activity;
    }
}
