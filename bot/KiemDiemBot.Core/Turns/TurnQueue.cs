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

    public async Task<LeasedWork> TryLeaseWithNextAsync(ConversationKey conversation, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await TryLeaseAsync(conversation, owner, duration, cancellationToken)
                ? new LeasedWork(true, await NextAsync(conversation, cancellationToken))
                : new LeasedWork(false, null);
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var expires = now + (long)duration.TotalMilliseconds;
        var (channel, id) = (conversation.ChannelId, conversation.ConversationId);
        // No row: the lease is another owner's. One row: held, with the next work in it or nulls when none.
        var rows = await db.Database.SqlQuery<WorkRow>(
            $"""
            WITH lease AS (
                INSERT INTO conversation_leases (channel_id, conversation_id, owner, expires_at_ms)
                VALUES ({channel}, {id}, {owner}, {expires})
                ON CONFLICT (channel_id, conversation_id) DO UPDATE
                    SET owner = excluded.owner, expires_at_ms = excluded.expires_at_ms
                    WHERE conversation_leases.expires_at_ms <= {now} OR conversation_leases.owner = excluded.owner
                RETURNING 1)
            SELECT w.kind, w.id, w.next_attempt_at_ms, w.activity_id, w.activity_type, w.payload, w.attempts
            FROM lease
            LEFT JOIN LATERAL (
                SELECT * FROM (
                    (SELECT 0 AS kind, o.id, o.next_attempt_at_ms, NULL::text AS activity_id, NULL::text AS activity_type,
                            NULL::text AS payload, 0 AS attempts
                     FROM outbound_activities o
                     WHERE o.channel_id = {channel} AND o.conversation_id = {id} AND o.status = {(int)OutboundActivityStatus.Pending}
                     ORDER BY o.id LIMIT 1)
                    UNION ALL
                    (SELECT 1, i.id, i.next_attempt_at_ms, i.activity_id, i.activity_type, i.payload, i.attempts
                     FROM inbound_activities i
                     WHERE i.channel_id = {channel} AND i.conversation_id = {id} AND i.status = {(int)InboundActivityStatus.Pending}
                     ORDER BY i.id LIMIT 1)) AS work
                ORDER BY kind LIMIT 1) AS w ON true
            """).ToListAsync(cancellationToken);
        return rows switch
        {
            [] => new LeasedWork(false, null),
            [{ Id: null }] => new LeasedWork(true, null),
            [var row] => new LeasedWork(true, ToWork(conversation, row.Kind!.Value, row.Id!.Value, row.NextAttemptAtMs!.Value, row.ActivityId, row.ActivityType, row.Payload, row.Attempts ?? 0)),
            _ => throw new InvalidOperationException("The lease statement returned more than one row."),
        };
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
        return next is null
            ? null
            : ToWork(conversation, next.Kind, next.Id, next.NextAttemptAtMs, next.ActivityId, next.ActivityType, next.Payload, next.Attempts);
    }

    private static ConversationWork ToWork(
        ConversationKey conversation, int kind, long id, long nextAttemptAtMs, string? activityId, string? activityType, string? payload, int attempts)
    {
        var dueAt = DateTimeOffset.FromUnixTimeMilliseconds(nextAttemptAtMs);
        return kind == 0
            ? new ConversationWork(id, null, dueAt)
            : new ConversationWork(null, new PendingTurn(id, conversation, activityId!, activityType!, payload!, attempts), dueAt);
    }

    /// <summary>A row of the lease-and-next statement (columns by the snake_case convention); all null when the lease is held and nothing is pending.</summary>
    private sealed class WorkRow
    {
        public int? Kind { get; init; }

        public long? Id { get; init; }

        public long? NextAttemptAtMs { get; init; }

        public string? ActivityId { get; init; }

        public string? ActivityType { get; init; }

        public string? Payload { get; init; }

        public int? Attempts { get; init; }
    }
}
