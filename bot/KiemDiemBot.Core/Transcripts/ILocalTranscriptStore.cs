namespace KiemDiemBot.Core.Transcripts;

/// <summary>
/// The local channel's conversations, members and transcripts (the Web Chat stand-in for Teams), kept in
/// the database so that a restart keeps the chat history, as Teams does. This is the channel's storage,
/// not the bot's: every call commits its own writes, and the bot never reads it.
/// Each transcript keeps its last <see cref="MaxTranscriptLength"/> entries; sequence numbers (the
/// Direct Line watermark) only grow, across restarts too, and are safe under concurrent appends.
/// </summary>
public interface ILocalTranscriptStore
{
    /// <summary>The most entries one conversation keeps; past it the oldest are pruned.</summary>
    const int MaxTranscriptLength = 1000;

    /// <summary>The conversation with this id, created as given when there is none; Created is true the first time.</summary>
    Task<(LocalConversationInfo Conversation, bool Created)> GetOrCreateAsync(LocalConversationInfo conversation, CancellationToken cancellationToken);

    Task<LocalConversationInfo?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Adds a person to the conversation (user ids compare ignoring case); true when they were not a member yet. A name given replaces the one known.</summary>
    Task<bool> AddMemberAsync(string conversationId, LocalConversationMember member, CancellationToken cancellationToken);

    /// <summary>The conversation's members, by user id.</summary>
    Task<IReadOnlyList<LocalConversationMember>> ListMembersAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Everyone who has opened or written in any local conversation, by user id.</summary>
    Task<IReadOnlyList<LocalConversationMember>> ListPeopleAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds an entry at the end of the transcript: the store gives it the next sequence number and an
    /// activity id made from it, and stores what <paramref name="payloadFor"/> renders with that id.
    /// Returns the activity id, or null when there is no such conversation.
    /// </summary>
    Task<string?> AppendAsync(string conversationId, Func<string, string> payloadFor, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the entry with this activity id and moves it to the end (a new sequence number), so that
    /// clients polling from a watermark see the new version. False when there is no such entry.
    /// </summary>
    Task<bool> ReplaceAsync(string conversationId, string activityId, string payload, CancellationToken cancellationToken);

    /// <summary>Removes the entry with this activity id; false when there is none.</summary>
    Task<bool> RemoveAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// The entries after the watermark, oldest first: all of them when it is null or lies ahead of this
    /// transcript (a client that knew another database). Null when there is no such conversation.
    /// </summary>
    Task<LocalTranscriptPage?> ReadAfterAsync(string conversationId, long? watermark, CancellationToken cancellationToken);
}

/// <summary>A local conversation: its id, <c>personal</c> or <c>groupChat</c>, and the group's name (null for a personal one).</summary>
public sealed record LocalConversationInfo(string Id, string ConversationType, string? Name);

/// <summary>A person in a local conversation: the user id (an e-mail, lower case) and the name last given.</summary>
public sealed record LocalConversationMember(string UserId, string? Name);

/// <summary>One transcript entry as stored: the activity's id and its JSON.</summary>
public sealed record LocalTranscriptEntry(string ActivityId, string Payload);

/// <summary>The entries after a watermark, and the watermark to ask from next time.</summary>
public sealed record LocalTranscriptPage(IReadOnlyList<LocalTranscriptEntry> Entries, long Watermark);
