namespace KiemDiemBot.Core.Turns;

/// <summary>An authenticated activity as it arrived, ready to be stored.</summary>
public sealed record InboundEnvelope(string ChannelId, string ConversationId, string ActivityId, string ActivityType, string Payload)
{
    public ConversationKey Conversation => new(ChannelId, ConversationId);
}

/// <summary>A stored activity whose turn is to run.</summary>
public sealed record PendingTurn(long Id, ConversationKey Conversation, string ActivityId, string ActivityType, string Payload, int Attempts);

/// <summary>The answer an invoke got the first time it was delivered.</summary>
public sealed record InvokeAnswer(int Status, string? Body);

/// <summary>What became of a turn that failed.</summary>
public enum TurnFailureOutcome
{
    /// <summary>It will be tried again after a back-off.</summary>
    WillRetry,

    /// <summary>It used its last attempt (or cannot succeed): recorded as failed.</summary>
    GaveUp,

    /// <summary>The row was no longer pending (another instance finished it).</summary>
    NotPending,
}

/// <summary>A failed attempt as recorded, with the activity it was for (to tell its sender).</summary>
public sealed record TurnFailure(TurnFailureOutcome Outcome, int Attempts, string? Payload);

/// <summary>
/// The durable inbox: every authenticated activity is stored here before the channel's POST is answered,
/// once per (channel, conversation, activity id), and leaves it only when its turn has committed or failed
/// for good.
/// </summary>
public interface ITurnInbox
{
    /// <summary>Stores the activity as pending; false when it was stored before (a redelivery). A single atomic statement.</summary>
    Task<bool> AdmitAsync(InboundEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>
    /// Claims an invoke for answering; false when it was delivered before. A single atomic statement: of two
    /// concurrent deliveries, exactly one claims it.
    /// </summary>
    Task<bool> ClaimInvokeAsync(InboundEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Records the answer given to a claimed invoke (its own statement: the invoke's unit of work is the HTTP exchange).</summary>
    Task RecordInvokeAnswerAsync(ConversationKey conversation, string activityId, InvokeAnswer answer, CancellationToken cancellationToken);

    /// <summary>The answer recorded for an invoke delivered before, or null if it has none (yet).</summary>
    Task<InvokeAnswer?> FindInvokeAnswerAsync(ConversationKey conversation, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Stages the turn, as read with the conversation's next work, as done; it is written by the turn's commit,
    /// together with everything the turn changed, and only if the turn is still pending then.
    /// </summary>
    void StageDone(PendingTurn turn);

    /// <summary>
    /// Records one failed attempt (its own unit of work: the turn's own changes were rolled back). After
    /// <paramref name="maxAttempts"/> attempts, or when <paramref name="permanent"/>, the turn is failed for good.
    /// </summary>
    /// <remarks>Stages the change; the caller commits, together with the "turn failed" notice when it gave up.</remarks>
    Task<TurnFailure> RecordFailureAsync(long id, int maxAttempts, TimeSpan backOff, bool permanent, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes finished inbox and outbox rows older than the cut-off, except that an outbox row with a dedupe key
    /// keeps its key (and loses its content), so a notice is never sent twice; returns how many rows were pruned.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken);
}
