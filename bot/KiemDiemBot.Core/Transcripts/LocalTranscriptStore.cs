using System.Globalization;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Transcripts;

/// <summary>
/// <see cref="ILocalTranscriptStore"/> over <c>local_conversations</c>, <c>local_conversation_members</c>
/// and <c>local_transcript_entries</c>, the same SQL on SQLite and PostgreSQL. Writes go straight to the
/// database (upserts, ExecuteUpdate/ExecuteDelete), never through the change tracker, so they never carry
/// along changes someone else staged in the same scope.
/// </summary>
// Channel storage: it plays Teams' side, not the bot's unit of work, so each call commits its own writes.
internal sealed class LocalTranscriptStore(KiemDiemDbContext db) : ILocalTranscriptStore
{
    private const int NameLength = 256;
    private const int UserIdLength = 320;

    public async Task<(LocalConversationInfo Conversation, bool Created)> GetOrCreateAsync(LocalConversationInfo conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var name = Shorten(conversation.Name);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO local_conversations (id, conversation_type, name, last_sequence)
            VALUES ({conversation.Id}, {conversation.ConversationType}, {name}, 0)
            ON CONFLICT (id) DO NOTHING
            """,
            cancellationToken);
        var stored = await FindAsync(conversation.Id, cancellationToken)
            ?? throw new InvalidOperationException("The local conversation vanished right after it was stored.");
        return (stored, inserted > 0);
    }

    public Task<LocalConversationInfo?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        db.LocalConversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new LocalConversationInfo(c.Id, c.ConversationType, c.Name))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> AddMemberAsync(string conversationId, LocalConversationMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var userId = UserKey(member.UserId);
        var name = Shorten(member.Name);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO local_conversation_members (conversation_id, user_id, name)
            VALUES ({conversationId}, {userId}, {name})
            ON CONFLICT (conversation_id, user_id) DO NOTHING
            """,
            cancellationToken);
        if (inserted == 0 && name is not null)
        {
            await db.LocalConversationMembers
                .Where(m => m.ConversationId == conversationId && m.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, name), cancellationToken);
        }
        return inserted > 0;
    }

    public async Task<IReadOnlyList<LocalConversationMember>> ListMembersAsync(string conversationId, CancellationToken cancellationToken) =>
        await db.LocalConversationMembers.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.UserId)
            .Select(m => new LocalConversationMember(m.UserId, m.Name))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<LocalConversationMember>> ListPeopleAsync(CancellationToken cancellationToken) =>
        await db.LocalConversationMembers.AsNoTracking()
            .GroupBy(m => m.UserId)
            .OrderBy(g => g.Key)
            .Select(g => new LocalConversationMember(g.Key, g.Max(m => m.Name)))
            .ToListAsync(cancellationToken);

    public async Task<string?> AppendAsync(string conversationId, Func<string, string> payloadFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payloadFor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await NextSequenceAsync(conversationId, cancellationToken) is not { } sequence)
        {
            return null;
        }
        var activityId = sequence.ToString("D7", CultureInfo.InvariantCulture);
        var payload = payloadFor(activityId);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO local_transcript_entries (conversation_id, sequence, activity_id, payload)
            VALUES ({conversationId}, {sequence}, {activityId}, {payload})
            """,
            cancellationToken);
        await PruneAsync(conversationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return activityId;
    }

    public async Task<bool> ReplaceAsync(string conversationId, string activityId, string payload, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await NextSequenceAsync(conversationId, cancellationToken) is not { } sequence)
        {
            return false;
        }
        var replaced = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE local_transcript_entries SET sequence = {sequence}, payload = {payload}
            WHERE conversation_id = {conversationId} AND activity_id = {activityId}
            """,
            cancellationToken);
        if (replaced == 0)
        {
            // Nothing to replace: the sequence number taken is given back.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemoveAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        await db.LocalTranscriptEntries
            .Where(e => e.ConversationId == conversationId && e.ActivityId == activityId)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<LocalTranscriptPage?> ReadAfterAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        // The conversation's last sequence first, then only entries up to it: an append that commits in
        // between is left for the next poll instead of being skipped by a watermark already past it.
        var last = await db.LocalConversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => (long?)c.LastSequence)
            .SingleOrDefaultAsync(cancellationToken);
        if (last is not { } upTo)
        {
            return null;
        }
        var from = watermark is { } w && w >= 0 && w <= upTo ? w : 0;
        var entries = await db.LocalTranscriptEntries.AsNoTracking()
            .Where(e => e.ConversationId == conversationId && e.Sequence > from && e.Sequence <= upTo)
            .OrderBy(e => e.Sequence)
            .Select(e => new LocalTranscriptEntry(e.ActivityId, e.Payload))
            .ToListAsync(cancellationToken);
        return new LocalTranscriptPage(entries, upTo);
    }

    /// <summary>
    /// Takes the conversation's next sequence number inside the caller's transaction. The increment is
    /// the first write, so it takes the row lock (PostgreSQL) or the write lock (SQLite) that makes
    /// concurrent appends to one conversation wait for each other; null when there is no such conversation.
    /// </summary>
    private async Task<long?> NextSequenceAsync(string conversationId, CancellationToken cancellationToken)
    {
        var updated = await db.LocalConversations
            .Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + 1), cancellationToken);
        if (updated == 0)
        {
            return null;
        }
        return await db.LocalConversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => c.LastSequence)
            .SingleAsync(cancellationToken);
    }

    /// <summary>Keeps the newest <see cref="ILocalTranscriptStore.MaxTranscriptLength"/> entries of the conversation.</summary>
    private async Task PruneAsync(string conversationId, CancellationToken cancellationToken)
    {
        var oldestKept = await db.LocalTranscriptEntries.AsNoTracking()
            .Where(e => e.ConversationId == conversationId)
            .OrderByDescending(e => e.Sequence)
            .Skip(ILocalTranscriptStore.MaxTranscriptLength - 1)
            .Select(e => (long?)e.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is { } kept)
        {
            await db.LocalTranscriptEntries
                .Where(e => e.ConversationId == conversationId && e.Sequence < kept)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>User ids are e-mail addresses: one person whatever the case they were typed in.</summary>
    private static string UserKey(string userId)
    {
        var key = userId.Trim().ToLowerInvariant();
        if (key.Length is 0 or > UserIdLength)
        {
            throw new ArgumentException($"A user id must have 1 to {UserIdLength} characters.", nameof(userId));
        }
        return key;
    }

    private static string? Shorten(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= NameLength ? trimmed : trimmed[..NameLength];
    }
}
