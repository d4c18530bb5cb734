namespace KiemDiemBot.Core.Turns;

/// <summary>An activity to send, as a turn or a job decides it.</summary>
public sealed record OutboundEnvelope(
    ConversationKey Conversation,
    string ServiceUrl,
    OutboundOperation Operation,
    string? TargetActivityId,
    string Payload)
{
    /// <summary>The inbound activity whose turn decided this send; null for a proactive message.</summary>
    public long? InboundActivityId { get; init; }

    /// <summary>A key that makes this message exist at most once (e.g. "turn-failed:42").</summary>
    public string? DedupeKey { get; init; }
}

/// <summary>A stored outbound activity waiting to be sent.</summary>
public sealed record PendingDelivery(
    long Id,
    ConversationKey Conversation,
    string ServiceUrl,
    OutboundOperation Operation,
    string? TargetActivityId,
    string Payload,
    long? InboundActivityId,
    bool IsFailureNotice,
    int Attempts);

/// <summary>What became of a delivery that failed.</summary>
public enum DeliveryFailureOutcome
{
    WillRetry,

    /// <summary>Given up; when it belonged to a turn, that turn's sender gets the "turn failed" notice (once).</summary>
    GaveUp,

    NotPending,
}

/// <summary>
/// The outbox: replies and proactive messages are staged in the unit of work that decides them and sent
/// after it commits, in id order per conversation; a crash in between resends rather than loses.
/// </summary>
public interface ITurnOutbox
{
    /// <summary>The key that keeps the "turn failed" notice of one turn unique.</summary>
    static string FailureNoticeKey(long inboundActivityId) => "turn-failed:" + inboundActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stages a row; it is written by the caller's commit.</summary>
    void Stage(OutboundEnvelope envelope);

    /// <summary>
    /// The rows this unit of work staged, in the order staged, once its commit has written them (with their ids);
    /// the caller can send them at once instead of reading them back.
    /// </summary>
    IReadOnlyList<PendingDelivery> Committed();

    /// <summary>
    /// Stages the "turn failed" notice for an inbound activity, unless one exists already (at most one per turn,
    /// enforced by a unique key).
    /// </summary>
    Task StageFailureNoticeAsync(long inboundActivityId, ConversationKey conversation, string serviceUrl, string? replyToActivityId, string payload, CancellationToken cancellationToken);

    Task<PendingDelivery?> LoadPendingAsync(long id, CancellationToken cancellationToken);

    /// <summary>Records the send (its own statement).</summary>
    Task MarkSentAsync(long id, string? sentActivityId, CancellationToken cancellationToken);

    /// <summary>Records that the conversation refuses writes: this row and every pending row of the conversation are not sent.</summary>
    Task MarkBlockedAsync(ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>Stages a failed attempt for the caller's commit; gives up after <paramref name="maxAttempts"/> or when <paramref name="permanent"/>.</summary>
    Task<DeliveryFailureOutcome> RecordFailureAsync(long id, int maxAttempts, TimeSpan backOff, bool permanent, CancellationToken cancellationToken);
}
