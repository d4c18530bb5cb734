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
    int Attempts)
{
    /// <summary>
    /// The member delivery this row carries (a fan-out's or a job's message, <c>Core.Notices.Delivery</c>); its status,
    /// attempts and last error follow this row's. Null for turn replies and card updates.
    /// </summary>
    public long? MemberDeliveryId { get; init; }
}

/// <summary>A send the Connector refused because the conversation refuses the bot: the row, its member delivery, the reason code.</summary>
public sealed record RefusedSend(long Id, long? MemberDeliveryId, string Error);

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

    /// <summary>
    /// Records the send; when <paramref name="memberDeliveryId"/> is given, the member delivery is marked sent (one more
    /// attempt) in the same transaction, so the two never disagree.
    /// </summary>
    Task MarkSentAsync(long id, string? sentActivityId, long? memberDeliveryId, CancellationToken cancellationToken);

    /// <summary>Records that the conversation refuses writes: this row and every pending row of the conversation are not sent.</summary>
    Task MarkBlockedAsync(ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="MarkBlockedAsync(ConversationKey, CancellationToken)"/>, and the member deliveries of those rows
    /// become Blocked in the same transaction; <paramref name="attempt"/>, when given, is the row whose send was refused
    /// (its delivery counts the attempt and keeps the reason, e.g. "MessageWritesBlocked" or "404").
    /// </summary>
    Task MarkBlockedAsync(ConversationKey conversation, RefusedSend? attempt, CancellationToken cancellationToken);

    /// <summary>Stages a failed attempt for the caller's commit; gives up after <paramref name="maxAttempts"/> or when <paramref name="permanent"/>.</summary>
    Task<DeliveryFailureOutcome> RecordFailureAsync(long id, int maxAttempts, TimeSpan backOff, bool permanent, CancellationToken cancellationToken);

    /// <summary>
    /// As above; when the row carries a member delivery, the delivery's attempts, last error (<paramref name="error"/>,
    /// a short technical code such as "503") and status follow in the same commit.
    /// </summary>
    Task<DeliveryFailureOutcome> RecordFailureAsync(long id, int maxAttempts, TimeSpan backOff, bool permanent, string? error, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a pending row back until <paramref name="at"/> without counting an attempt of the row (its own statement):
    /// no send slot was free soon enough, or the Connector throttled the send. With <paramref name="error"/> and a member
    /// delivery, the delivery counts the attempt that was made and keeps the error (e.g. "429"), in the same transaction.
    /// </summary>
    Task RescheduleAsync(long id, DateTimeOffset at, long? memberDeliveryId, string? error, CancellationToken cancellationToken);
}
