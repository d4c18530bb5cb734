using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Turns;

internal sealed class TurnInbox(KiemDiemDbContext db, TimeProvider clock) : ITurnInbox
{
    // INSERT ... ON CONFLICT DO NOTHING: the same statement on PostgreSQL and SQLite; of two concurrent
    // deliveries of one activity exactly one inserts, without a unique-violation to catch.
    public async Task<bool> AdmitAsync(InboundEnvelope envelope, CancellationToken cancellationToken) =>
        await InsertAsync(envelope, InboundActivityStatus.Pending, cancellationToken) == 1;

    public async Task<bool> ClaimInvokeAsync(InboundEnvelope envelope, CancellationToken cancellationToken) =>
        await InsertAsync(envelope, InboundActivityStatus.Answered, cancellationToken) == 1;

    public Task RecordInvokeAnswerAsync(ConversationKey conversation, string activityId, InvokeAnswer answer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return db.InboundActivities
            .Where(a => a.ChannelId == conversation.ChannelId && a.ConversationId == conversation.ConversationId && a.ActivityId == activityId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.InvokeStatus, answer.Status)
                    .SetProperty(a => a.Payload, ProcessedPayloadRemoved)
                    .SetProperty(a => a.InvokeResponse, answer.Body)
                    .SetProperty(a => a.CompletedAtMs, now),
                cancellationToken);
    }

    public async Task<InvokeAnswer?> FindInvokeAnswerAsync(ConversationKey conversation, string activityId, CancellationToken cancellationToken)
    {
        var row = await db.InboundActivities.AsNoTracking()
            .Where(a => a.ChannelId == conversation.ChannelId && a.ConversationId == conversation.ConversationId && a.ActivityId == activityId)
            .Select(a => new { a.InvokeStatus, a.InvokeResponse })
            .FirstOrDefaultAsync(cancellationToken);
        return row?.InvokeStatus is { } status ? new InvokeAnswer(status, row.InvokeResponse) : null;
    }

    public void StageDone(PendingTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var row = AttachPending(turn);
        row.Status = InboundActivityStatus.Done;
        // Nothing reads a finished turn's activity again: drop it in the turn's own commit, so that a ballot
        // submit (or any member's answer) does not outlive its turn in the database.
        row.Payload = ProcessedPayloadRemoved;
        row.CompletedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
    }

    // Tracks the row as read pending without reading it again: its status is the concurrency token, so the
    // commit writes it only if it is still pending.
    private InboundActivity AttachPending(PendingTurn turn)
    {
        var row = new InboundActivity
        {
            Id = turn.Id,
            ChannelId = turn.Conversation.ChannelId,
            ConversationId = turn.Conversation.ConversationId,
            ActivityId = turn.ActivityId,
            ActivityType = turn.ActivityType,
            Payload = turn.Payload,
            Status = InboundActivityStatus.Pending,
            Attempts = turn.Attempts,
        };
        db.InboundActivities.Attach(row);
        return row;
    }

    public async Task<TurnFailure> RecordFailureAsync(long id, int maxAttempts, TimeSpan backOff, bool permanent, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var row = await db.InboundActivities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (row is null || row.Status != InboundActivityStatus.Pending)
        {
            return new TurnFailure(TurnFailureOutcome.NotPending, row?.Attempts ?? 0, null);
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        row.Attempts++;
        if (permanent || row.Attempts >= maxAttempts)
        {
            row.Status = InboundActivityStatus.Failed;
            row.CompletedAtMs = now;
            return new TurnFailure(TurnFailureOutcome.GaveUp, row.Attempts, row.Payload);
        }
        row.NextAttemptAtMs = now + (long)(backOff.TotalMilliseconds * row.Attempts);
        return new TurnFailure(TurnFailureOutcome.WillRetry, row.Attempts, row.Payload);
    }

    private const string SentPayloadRemoved = "{}";

    private const string ProcessedPayloadRemoved = "{}";

    public async Task<int> PruneAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    {
        var cutoff = finishedBefore.ToUnixTimeMilliseconds();
        var inbound = await db.InboundActivities
            .Where(a => a.Status != InboundActivityStatus.Pending && a.CompletedAtMs != null && a.CompletedAtMs < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var outbound = await db.OutboundActivities
            .Where(a => a.Status != OutboundActivityStatus.Pending && a.CreatedAtMs < cutoff && a.DedupeKey == null)
            .ExecuteDeleteAsync(cancellationToken);
        // A row with a dedupe key is the record that a notice went out (once per cycle, once a day): keep the key
        // so it is never sent again, drop what it said.
        outbound += await db.OutboundActivities
            .Where(a => a.Status != OutboundActivityStatus.Pending && a.CreatedAtMs < cutoff && a.DedupeKey != null && a.Payload != SentPayloadRemoved)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Payload, SentPayloadRemoved), cancellationToken);
        var leases = await db.ConversationLeases.Where(l => l.ExpiresAtMs < cutoff).ExecuteDeleteAsync(cancellationToken);
        return inbound + outbound + leases;
    }

    private Task<int> InsertAsync(InboundEnvelope e, InboundActivityStatus status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var statusValue = (int)status;
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO inbound_activities
                (channel_id, conversation_id, activity_id, activity_type, payload, status, attempts, received_at_ms, next_attempt_at_ms)
            VALUES ({e.ChannelId}, {e.ConversationId}, {e.ActivityId}, {e.ActivityType}, {e.Payload}, {statusValue}, 0, {now}, {now})
            ON CONFLICT (channel_id, conversation_id, activity_id) DO NOTHING
            """,
            cancellationToken);
    }
}
