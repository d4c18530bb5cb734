namespace KiemDiemBot.Core.Conversations;

/// <summary>The stored conversation references, so proactive messages still reach people after a restart.</summary>
public interface IConversationReferenceStore
{
    /// <summary>
    /// Creates or refreshes the reference and clears any block (the user is back). Answers true on first
    /// contact: the user was never seen in this conversation, or had removed or blocked the bot since.
    /// </summary>
    Task<bool> UpsertAsync(StoredConversationReference reference, CancellationToken cancellationToken);

    Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>The user's personal (1:1) conversation on that channel, when the bot has one.</summary>
    Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Records that the channel refuses writes to this conversation (403 MessageWritesBlocked).</summary>
    Task MarkWritesBlockedAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    Task<bool> IsWritesBlockedAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
