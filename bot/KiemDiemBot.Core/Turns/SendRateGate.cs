using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Turns;

/// <summary>
/// <see cref="ISendRateGate"/> over the <c>send_rate_limits</c> table, GCRA-style: a scope's row holds its next free
/// slot; a reservation takes the later of that slot, the end of a pause and now, and moves the next free slot one
/// spacing further, in one atomic upsert (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, the same SQL on PostgreSQL
/// and SQLite). Slots are evenly spaced, so no window of one second holds more than 1 s / spacing of them, whichever
/// instance reserved them. Times are in Unix milliseconds on the clock given (the machine's in the host, since Teams
/// counts in real time; a fake one in tests); the spacing is rounded up to whole
/// milliseconds (never faster than asked).
/// </summary>
internal sealed class SendRateGate(KiemDiemDbContext db, TimeProvider clock) : ISendRateGate
{
    // The later of the row's next slot, its pause and now ({1}); written out with CASE, which both providers have.
    private const string SlotOf =
        """
        CASE WHEN send_rate_limits.next_slot_ms >= send_rate_limits.paused_until_ms
             THEN CASE WHEN send_rate_limits.next_slot_ms > {1} THEN send_rate_limits.next_slot_ms ELSE {1} END
             ELSE CASE WHEN send_rate_limits.paused_until_ms > {1} THEN send_rate_limits.paused_until_ms ELSE {1} END
        END
        """;

    public async Task<DateTimeOffset> ReserveAsync(string scope, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var slot = await ReserveWithinAsync(scope, spacing, maxWaitMs: null, cancellationToken);
        return DateTimeOffset.FromUnixTimeMilliseconds(slot!.Value);
    }

    public async Task<SendSlot> TryReserveAsync(string scope, TimeSpan spacing, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        if (await ReserveWithinAsync(scope, spacing, (long)maxWait.TotalMilliseconds, cancellationToken) is { } slot)
        {
            return new SendSlot(true, DateTimeOffset.FromUnixTimeMilliseconds(slot));
        }
        // Only when the slot is too far: when it is, for the caller to come back then.
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var row = await db.SendRateLimits.AsNoTracking()
            .Where(l => l.Scope == scope)
            .Select(l => new { l.NextSlotMs, l.PausedUntilMs })
            .SingleAsync(cancellationToken);
        return new SendSlot(false, DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(now, Math.Max(row.NextSlotMs, row.PausedUntilMs))));
    }

    public Task PauseAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var untilMs = until.ToUnixTimeMilliseconds();
        return db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO send_rate_limits (scope, next_slot_ms, paused_until_ms) VALUES ({0}, 0, {1})
            ON CONFLICT (scope) DO UPDATE SET paused_until_ms = {1}
                WHERE send_rate_limits.paused_until_ms < {1}
            """,
            [scope, untilMs],
            cancellationToken);
    }

    /// <summary>The reserved slot, or null when it would be more than <paramref name="maxWaitMs"/> away (nothing reserved).</summary>
    private async Task<long?> ReserveWithinAsync(string scope, TimeSpan spacing, long? maxWaitMs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(spacing, TimeSpan.Zero);
        var spacingMs = (long)Math.Ceiling(spacing.TotalMilliseconds);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // {0} scope, {1} now, {2} spacing, {3} latest acceptable slot. A new scope's first slot is now.
        var within = maxWaitMs is null ? "" : "WHERE " + SlotOf + " <= {3}";
        var sql =
            $$"""
            INSERT INTO send_rate_limits (scope, next_slot_ms, paused_until_ms) VALUES ({0}, {1} + {2}, 0)
            ON CONFLICT (scope) DO UPDATE SET next_slot_ms = {{SlotOf}} + {2}
                {{within}}
            RETURNING next_slot_ms - {2} AS "Value"
            """;
        var slots = await db.Database
            .SqlQueryRaw<long>(sql, scope, now, spacingMs, now + (maxWaitMs ?? 0))
            .ToListAsync(cancellationToken);
        return slots.Count == 0 ? null : slots[0];
    }
}
