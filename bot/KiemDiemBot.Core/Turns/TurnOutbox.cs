using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Turns;

internal sealed class TurnOutbox(KiemDiemDbContext db, TimeProvider clock) : ITurnOutbox
{
    private const int MaxErrorLength = 200;

    private readonly List<OutboundActivity> staged = [];

    public void Stage(OutboundEnvelope envelope)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new OutboundActivity
        {
            InboundActivityId = envelope.InboundActivityId,
            ChannelId = envelope.Conversation.ChannelId,
            ConversationId = envelope.Conversation.ConversationId,
            ServiceUrl = envelope.ServiceUrl,
            Operation = envelope.Operation,
            TargetActivityId = envelope.TargetActivityId,
            Payload = envelope.Payload,
            Status = OutboundActivityStatus.Pending,
            CreatedAtMs = now,
            NextAttemptAtMs = now,
            DedupeKey = envelope.DedupeKey,
        };
        db.OutboundActivities.Add(row);
        staged.Add(row);
    }

    // Written rows are no longer Added in the change tracker (and have their ids).
    public IReadOnlyList<PendingDelivery> Committed() =>
        [.. staged.Where(row => db.Entry(row).State == EntityState.Unchanged).Select(ToPending)];

    public async Task StageFailureNoticeAsync(long inboundActivityId, ConversationKey conversation, string serviceUrl, string? replyToActivityId, string payload, CancellationToken cancellationToken)
    {
        var key = ITurnOutbox.FailureNoticeKey(inboundActivityId);
        if (await db.OutboundActivities.AnyAsync(a => a.DedupeKey == key, cancellationToken)
            || db.OutboundActivities.Local.Any(a => a.DedupeKey == key))
        {
            return;
        }
        var operation = string.IsNullOrEmpty(replyToActivityId) ? OutboundOperation.Send : OutboundOperation.Reply;
        Stage(new OutboundEnvelope(conversation, serviceUrl, operation, replyToActivityId, payload)
        {
            InboundActivityId = inboundActivityId,
            DedupeKey = key,
        });
    }

    public async Task<PendingDelivery?> LoadPendingAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.OutboundActivities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null || row.Status != OutboundActivityStatus.Pending ? null : ToPending(row);
    }

    public Task MarkSentAsync(long id, string? sentActivityId, CancellationToken cancellationToken) =>
        MarkSentAsync(id, sentActivityId, memberDeliveryId: null, cancellationToken);

    public async Task MarkSentAsync(long id, string? sentActivityId, long? memberDeliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Task<int> MarkRow() => db.OutboundActivities
            .Where(a => a.Id == id && a.Status == OutboundActivityStatus.Pending)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.Status, OutboundActivityStatus.Sent)
                    .SetProperty(a => a.SentActivityId, sentActivityId)
                    .SetProperty(a => a.SentAtMs, now),
                cancellationToken);
        if (memberDeliveryId is not { } deliveryId)
        {
            // A turn reply: one statement, as before deliveries existed.
            await MarkRow();
            return;
        }
        await InTransactionAsync(async () =>
        {
            if (await MarkRow() == 1)
            {
                await db.Deliveries
                    .Where(d => d.Id == deliveryId)
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(d => d.Status, DeliveryStatus.Sent)
                            .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                            .SetProperty(d => d.UpdatedAtMs, now),
                        cancellationToken);
            }
        }, cancellationToken);
    }

    public Task MarkBlockedAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        MarkBlockedAsync(conversation, attempt: null, cancellationToken);

    public Task MarkBlockedAsync(ConversationKey conversation, RefusedSend? attempt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var pending = db.OutboundActivities
            .Where(a => a.ChannelId == conversation.ChannelId && a.ConversationId == conversation.ConversationId && a.Status == OutboundActivityStatus.Pending);
        var reason = attempt?.Error ?? "Blocked";
        return InTransactionAsync(async () =>
        {
            if (attempt is { MemberDeliveryId: { } attempted })
            {
                await db.Deliveries
                    .Where(d => d.Id == attempted && d.Status == DeliveryStatus.Pending)
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(d => d.Status, DeliveryStatus.Blocked)
                            .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                            .SetProperty(d => d.LastError, attempt.Error)
                            .SetProperty(d => d.UpdatedAtMs, now),
                        cancellationToken);
            }
            // The conversation's other waiting messages are not sent either: their members are unreachable now.
            await db.Deliveries
                .Where(d => d.Status == DeliveryStatus.Pending && pending.Any(a => a.DeliveryId == d.Id))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(d => d.Status, DeliveryStatus.Blocked)
                        .SetProperty(d => d.LastError, reason)
                        .SetProperty(d => d.UpdatedAtMs, now),
                    cancellationToken);
            await pending.ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, OutboundActivityStatus.Blocked), cancellationToken);
        }, cancellationToken);
    }

    public Task<DeliveryFailureOutcome> RecordFailureAsync(long id, int maxAttempts, TimeSpan backOff, bool permanent, CancellationToken cancellationToken) =>
        RecordFailureAsync(id, maxAttempts, backOff, permanent, error: null, cancellationToken);

    public async Task RescheduleAsync(long id, DateTimeOffset at, long? memberDeliveryId, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var atMs = at.ToUnixTimeMilliseconds();
        Task<int> PutBack() => db.OutboundActivities
            .Where(a => a.Id == id && a.Status == OutboundActivityStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.NextAttemptAtMs, atMs), cancellationToken);
        if (memberDeliveryId is not { } deliveryId || error is null)
        {
            await PutBack();
            return;
        }
        await InTransactionAsync(async () =>
        {
            if (await PutBack() == 1)
            {
                await db.Deliveries
                    .Where(d => d.Id == deliveryId)
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(d => d.Attempts, d => d.Attempts + 1)
                            .SetProperty(d => d.LastError, error)
                            .SetProperty(d => d.UpdatedAtMs, now),
                        cancellationToken);
            }
        }, cancellationToken);
    }

    public async Task<DeliveryFailureOutcome> RecordFailureAsync(long id, int maxAttempts, TimeSpan backOff, bool permanent, string? error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var row = await db.OutboundActivities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (row is null || row.Status != OutboundActivityStatus.Pending)
        {
            return DeliveryFailureOutcome.NotPending;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // Only rows that carry a member delivery read it: a turn reply's failure costs what it did before.
        var delivery = row.DeliveryId is { } deliveryId
            ? await db.Deliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken)
            : null;
        if (delivery is not null)
        {
            delivery.Attempts++;
            delivery.LastError = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
            delivery.UpdatedAtMs = now;
        }
        row.Attempts++;
        if (permanent || row.Attempts >= maxAttempts)
        {
            row.Status = OutboundActivityStatus.Failed;
            if (delivery is not null)
            {
                delivery.Status = DeliveryStatus.Failed;
            }
            return DeliveryFailureOutcome.GaveUp;
        }
        row.NextAttemptAtMs = now + (long)(backOff.TotalMilliseconds * row.Attempts);
        return DeliveryFailureOutcome.WillRetry;
    }

    /// <summary>Runs <paramref name="statements"/> in a transaction of their own, or in the caller's when one is open.</summary>
    private async Task InTransactionAsync(Func<Task> statements, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await statements();
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await statements();
        await transaction.CommitAsync(cancellationToken);
    }

    private static PendingDelivery ToPending(OutboundActivity row) => new(
        row.Id,
        new ConversationKey(row.ChannelId, row.ConversationId),
        row.ServiceUrl,
        row.Operation,
        row.TargetActivityId,
        row.Payload,
        row.InboundActivityId,
        row.DedupeKey is not null && row.DedupeKey.StartsWith("turn-failed:", StringComparison.Ordinal),
        row.Attempts)
    {
        MemberDeliveryId = row.DeliveryId,
    };
}
