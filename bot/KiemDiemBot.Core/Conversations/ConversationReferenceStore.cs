using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Conversations;

internal sealed class ConversationReferenceStore(KiemDiemDbContext db, TimeProvider clock) : IConversationReferenceStore
{
    private const string Personal = "personal";

    public async Task<bool> UpsertAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var record = await db.ConversationReferences.SingleOrDefaultAsync(
            r => r.ChannelId == reference.ChannelId && r.ConversationId == reference.ConversationId && r.UserId == reference.UserId,
            cancellationToken);
        // A user who comes back after removing the bot counts as new: they get the welcome again.
        var isNew = record is null || record.WritesBlockedAt is not null;
        if (record is null)
        {
            record = new ConversationReferenceRecord
            {
                ChannelId = reference.ChannelId,
                ConversationId = reference.ConversationId,
                UserId = reference.UserId,
                ServiceUrl = reference.ServiceUrl,
                FirstSeenAt = now,
            };
            db.ConversationReferences.Add(record);
        }
        record.ServiceUrl = reference.ServiceUrl;
        record.UserAadObjectId = reference.UserAadObjectId ?? record.UserAadObjectId;
        record.BotId = reference.BotId ?? record.BotId;
        record.TenantId = reference.TenantId ?? record.TenantId;
        record.ConversationType = reference.ConversationType ?? record.ConversationType;
        record.Locale = reference.Locale ?? record.Locale;
        record.LastSeenAt = now;
        record.WritesBlockedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return isNew;
    }

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

    public async Task MarkWritesBlockedAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var records = await db.ConversationReferences
            .Where(r => r.ChannelId == channelId && r.ConversationId == conversationId)
            .ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            record.WritesBlockedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<bool> IsWritesBlockedAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        db.ConversationReferences.AnyAsync(
            r => r.ChannelId == channelId && r.ConversationId == conversationId && r.WritesBlockedAt != null, cancellationToken);

    private static StoredConversationReference ToModel(ConversationReferenceRecord r) =>
        new(r.ChannelId, r.ConversationId, r.UserId, r.UserAadObjectId, r.BotId, r.ServiceUrl, r.TenantId, r.ConversationType, r.Locale)
        {
            WritesBlockedAt = r.WritesBlockedAt,
        };
}
