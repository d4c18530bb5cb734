using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Turns;

internal sealed class TurnOutbox(KiemDiemDbContext db, TimeProvider clock) : ITurnOutbox
{
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

    public Task MarkSentAsync(long id, string? sentActivityId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return db.OutboundActivities
            .Where(a => a.Id == id && a.Status == OutboundActivityStatus.Pending)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.Status, OutboundActivityStatus.Sent)
                    .SetProperty(a => a.SentActivityId, sentActivityId)
                    .SetProperty(a => a.SentAtMs, now),
                cancellationToken);
    }

    public Task MarkBlockedAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        db.OutboundActivities
            .Where(a => a.ChannelId == conversation.ChannelId && a.ConversationId == conversation.ConversationId && a.Status == OutboundActivityStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, OutboundActivityStatus.Blocked), cancellationToken);

    public async Task<DeliveryFailureOutcome> RecordFailureAsync(long id, int maxAttempts, TimeSpan backOff, bool permanent, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var row = await db.OutboundActivities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (row is null || row.Status != OutboundActivityStatus.Pending)
        {
            return DeliveryFailureOutcome.NotPending;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        row.Attempts++;
        if (permanent || row.Attempts >= maxAttempts)
        {
            row.Status = OutboundActivityStatus.Failed;
            return DeliveryFailureOutcome.GaveUp;
        }
        row.NextAttemptAtMs = now + (long)(backOff.TotalMilliseconds * row.Attempts);
        return DeliveryFailureOutcome.WillRetry;
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
        row.Attempts);
}
