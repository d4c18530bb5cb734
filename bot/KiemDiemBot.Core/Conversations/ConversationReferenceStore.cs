using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Conversations;

internal sealed class ConversationReferenceStore(KiemDiemDbContext db, UnitOfWork unitOfWork, TimeProvider clock) : IConversationReferenceStore
{
    private const string Personal = "personal";

    public async Task<bool> StageContactAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        var stored = await db.ConversationReferences.AsNoTracking()
            .SingleOrDefaultAsync(
                r => r.ChannelId == reference.ChannelId && r.ConversationId == reference.ConversationId && r.UserId == reference.UserId,
                cancellationToken);
        // A user who comes back after removing the bot counts as new: they get the welcome again.
        var isFirstContact = stored is null || stored.WritesBlockedAt is not null;
        if (isFirstContact || !IsCurrent(stored!, reference))
        {
            StageUpsert(reference);
        }
        return isFirstContact;
    }

    // Blocks are set and lifted for the whole conversation at once, so an unblocked row means an unblocked conversation.
    private bool IsCurrent(ConversationReferenceRecord stored, StoredConversationReference seen) =>
        stored.ServiceUrl == seen.ServiceUrl
        && Kept(stored.UserAadObjectId, seen.UserAadObjectId)
        && Kept(stored.BotId, seen.BotId)
        && Kept(stored.TenantId, seen.TenantId)
        && Kept(stored.ConversationType, seen.ConversationType)
        && Kept(stored.Locale, seen.Locale)
        && clock.GetUtcNow() - stored.LastSeenAt < IConversationReferenceStore.LastSeenResolution;

    // The upsert keeps a stored value when the activity leaves it out.
    private static bool Kept(string? stored, string? seen) => seen is null || seen == stored;

    public void StageUpsert(StoredConversationReference reference)
    {
        var now = clock.GetUtcNow();
        unitOfWork.Stage((context, ct) => UpsertAsync(context, reference, now, ct));
    }

    public void StageWritesBlocked(string channelId, string conversationId)
    {
        var now = clock.GetUtcNow();
        unitOfWork.Stage((context, ct) => BlockAsync(context, channelId, conversationId, now, ct));
    }

    public Task UpsertNowAsync(StoredConversationReference reference, CancellationToken cancellationToken) =>
        UpsertAsync(db, reference, clock.GetUtcNow(), cancellationToken);

    public async Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var record = await db.ConversationReferences.AsNoTracking().SingleOrDefaultAsync(
            r => r.ChannelId == channelId && r.ConversationId == conversationId && r.UserId == userId, cancellationToken);
        return record is null ? null : ToModel(record);
    }

    public async Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var record = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.ChannelId == channelId && r.UserId == userId && r.ConversationType == Personal)
            .OrderByDescending(r => r.LastSeenAt)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToModel(record);
    }

    public Task MarkWritesBlockedAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        BlockAsync(db, channelId, conversationId, clock.GetUtcNow(), cancellationToken);

    public Task<bool> IsWritesBlockedAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        db.ConversationReferences.AnyAsync(
            r => r.ChannelId == channelId && r.ConversationId == conversationId && r.WritesBlockedAt != null, cancellationToken);

    private static Task BlockAsync(KiemDiemDbContext context, string channelId, string conversationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.ConversationReferences
            .Where(r => r.ChannelId == channelId && r.ConversationId == conversationId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.WritesBlockedAt, now), cancellationToken);

    // INSERT ... ON CONFLICT DO UPDATE, the same on PostgreSQL and SQLite: two turns of one user arriving at
    // once (a message and an invoke) cannot both insert and trip the unique index.
    private static async Task UpsertAsync(KiemDiemDbContext context, StoredConversationReference r, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = ToProviderInstant(context, now);
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO conversation_references
                (channel_id, conversation_id, user_id, user_aad_object_id, bot_id, service_url, tenant_id, conversation_type, locale, first_seen_at, last_seen_at)
            VALUES ({r.ChannelId}, {r.ConversationId}, {r.UserId}, {r.UserAadObjectId}, {r.BotId}, {r.ServiceUrl}, {r.TenantId}, {r.ConversationType}, {r.Locale}, {seen}, {seen})
            ON CONFLICT (channel_id, conversation_id, user_id) DO UPDATE SET
                service_url = excluded.service_url,
                user_aad_object_id = COALESCE(excluded.user_aad_object_id, conversation_references.user_aad_object_id),
                bot_id = COALESCE(excluded.bot_id, conversation_references.bot_id),
                tenant_id = COALESCE(excluded.tenant_id, conversation_references.tenant_id),
                conversation_type = COALESCE(excluded.conversation_type, conversation_references.conversation_type),
                locale = COALESCE(excluded.locale, conversation_references.locale),
                last_seen_at = excluded.last_seen_at
            """,
            cancellationToken);
        await context.ConversationReferences
            .Where(x => x.ChannelId == r.ChannelId && x.ConversationId == r.ConversationId && x.WritesBlockedAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(x => x.WritesBlockedAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>An instant as the provider stores it (SQLite keeps DateTimeOffset as a sortable number).</summary>
    private static object ToProviderInstant(KiemDiemDbContext context, DateTimeOffset value)
    {
        var property = context.Model.FindEntityType(typeof(ConversationReferenceRecord))!.FindProperty(nameof(ConversationReferenceRecord.LastSeenAt))!;
        return property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
    }

    private static StoredConversationReference ToModel(ConversationReferenceRecord r) =>
        new(r.ChannelId, r.ConversationId, r.UserId, r.UserAadObjectId, r.BotId, r.ServiceUrl, r.TenantId, r.ConversationType, r.Locale)
        {
            WritesBlockedAt = r.WritesBlockedAt,
        };
}
