namespace KiemDiemBot.Core.Conversations;

/// <summary>The stored conversation references, so proactive messages still reach people after a restart.</summary>
public interface IConversationReferenceStore
{
    /// <summary>How stale a reference's last-seen time may get before a turn refreshes it.</summary>
    static readonly TimeSpan LastSeenResolution = TimeSpan.FromHours(1);

    /// <summary>
    /// Records that the user wrote here, for the caller's commit, and answers true on first contact: the user was
    /// never seen in this conversation, or had removed or blocked the bot since. Stages the upsert of
    /// <see cref="StageUpsert"/> only when the stored reference differs, is blocked, or was last seen over
    /// <see cref="LastSeenResolution"/> ago: most turns come from a conversation already stored as it is.
    /// </summary>
    Task<bool> StageContactAsync(StoredConversationReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Stages an atomic upsert of the reference for the caller's commit, and lifts any block on the whole
    /// conversation: the user is back, and in a group any member writing means the bot is there again.
    /// </summary>
    void StageUpsert(StoredConversationReference reference);

    /// <summary>Stages that the conversation refuses the bot's writes (uninstall), for the caller's commit.</summary>
    void StageWritesBlocked(string channelId, string conversationId);

    /// <summary>Upserts the reference at once (outside a turn, e.g. a proactive 1:1 just created). Atomic.</summary>
    Task UpsertNowAsync(StoredConversationReference reference, CancellationToken cancellationToken);

    Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>The user's personal (1:1) conversation on that channel, when the bot has one.</summary>
    Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Records at once that the channel refuses writes to this conversation (403 MessageWritesBlocked).</summary>
    Task MarkWritesBlockedAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    Task<bool> IsWritesBlockedAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
