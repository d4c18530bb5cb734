using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Turns;

internal sealed class TurnQueue(KiemDiemDbContext db, TimeProvider clock) : ITurnQueue
{
    public async Task<IReadOnlyList<ConversationKey>> FindReadyAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var held = db.ConversationLeases.Where(l => l.ExpiresAtMs > now && l.Owner != owner);
        var turns = await db.InboundActivities.AsNoTracking()
            .Where(a => a.Status == InboundActivityStatus.Pending && a.NextAttemptAtMs <= now)
            .Where(a => !held.Any(l => l.ChannelId == a.ChannelId && l.ConversationId == a.ConversationId))
            .GroupBy(a => new { a.ChannelId, a.ConversationId })
            .Select(g => new { g.Key.ChannelId, g.Key.ConversationId, First = g.Min(a => a.Id) })
            .OrderBy(g => g.First)
            .Take(max)
            .ToListAsync(cancellationToken);
        var deliveries = await db.OutboundActivities.AsNoTracking()
            .Where(a => a.Status == OutboundActivityStatus.Pending && a.NextAttemptAtMs <= now)
            .Where(a => !held.Any(l => l.ChannelId == a.ChannelId && l.ConversationId == a.ConversationId))
            .GroupBy(a => new { a.ChannelId, a.ConversationId })
            .Select(g => new { g.Key.ChannelId, g.Key.ConversationId, First = g.Min(a => a.Id) })
            .OrderBy(g => g.First)
            .Take(max)
            .ToListAsync(cancellationToken);
        return [.. deliveries.Select(d => new ConversationKey(d.ChannelId, d.ConversationId))
            .Concat(turns.Select(t => new ConversationKey(t.ChannelId, t.ConversationId)))
            .Distinct()
            .Take(max)];
    }

    // One atomic statement on both providers: insert the lease, or take it over when it expired or is ours.
    public async Task<bool> TryLeaseAsync(ConversationKey conversation, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var expires = now + (long)duration.TotalMilliseconds;
        var rows = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO conversation_leases (channel_id, conversation_id, owner, expires_at_ms)
            VALUES ({conversation.ChannelId}, {conversation.ConversationId}, {owner}, {expires})
            ON CONFLICT (channel_id, conversation_id) DO UPDATE
                SET owner = excluded.owner, expires_at_ms = excluded.expires_at_ms
                WHERE conversation_leases.expires_at_ms <= {now} OR conversation_leases.owner = excluded.owner
            """,
            cancellationToken);
        return rows == 1;
    }

    public Task ForgetAllLeasesAsync(CancellationToken cancellationToken) =>
        db.ConversationLeases.ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAtMs, 0L), cancellationToken);

    public Task ReleaseAsync(ConversationKey conversation, string owner, CancellationToken cancellationToken) =>
        db.ConversationLeases
            .Where(l => l.ChannelId == conversation.ChannelId && l.ConversationId == conversation.ConversationId && l.Owner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAtMs, 0L), cancellationToken);

    public async Task<bool> TryReleaseIfIdleAsync(ConversationKey conversation, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var released = await db.ConversationLeases
            .Where(l => l.ChannelId == conversation.ChannelId && l.ConversationId == conversation.ConversationId && l.Owner == owner)
            .Where(l => !db.OutboundActivities.Any(a => a.ChannelId == conversation.ChannelId && a.ConversationId == conversation.ConversationId
                && a.Status == OutboundActivityStatus.Pending && a.NextAttemptAtMs <= now))
            .Where(l => !db.InboundActivities.Any(a => a.ChannelId == conversation.ChannelId && a.ConversationId == conversation.ConversationId
                && a.Status == InboundActivityStatus.Pending && a.NextAttemptAtMs <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAtMs, 0L), cancellationToken);
        return released == 1;
    }

    // One statement: the oldest pending outbox row (kind 0) before the oldest pending turn (kind 1), a turn with
    // its activity.
    public async Task<ConversationWork?> NextAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        var deliveries = db.OutboundActivities
            .Where(a => a.ChannelId == conversation.ChannelId && a.ConversationId == conversation.ConversationId && a.Status == OutboundActivityStatus.Pending)
            .Select(a => new
            {
                Kind = 0,
                a.Id,
                a.NextAttemptAtMs,
                ActivityId = (string?)null,
                ActivityType = (string?)null,
                Payload = (string?)null,
                Attempts = 0,
            });
        var turns = db.InboundActivities
            .Where(a => a.ChannelId == conversation.ChannelId && a.ConversationId == conversation.ConversationId && a.Status == InboundActivityStatus.Pending)
            .Select(a => new
            {
                Kind = 1,
                a.Id,
                a.NextAttemptAtMs,
                ActivityId = (string?)a.ActivityId,
                ActivityType = (string?)a.ActivityType,
                Payload = (string?)a.Payload,
                a.Attempts,
            });
        var next = await deliveries.Concat(turns)
            .OrderBy(w => w.Kind)
            .ThenBy(w => w.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var dueAt = next is null ? default : DateTimeOffset.FromUnixTimeMilliseconds(next.NextAttemptAtMs);
        return next switch
        {
            null => null,
            { Kind: 0 } => new ConversationWork(next.Id, null, dueAt),
            _ => new ConversationWork(
                null, new PendingTurn(next.Id, conversation, next.ActivityId!, next.ActivityType!, next.Payload!, next.Attempts), dueAt),
        };
    }
}
