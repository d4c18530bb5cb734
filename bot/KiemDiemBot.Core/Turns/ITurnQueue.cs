namespace KiemDiemBot.Core.Turns;

/// <summary>
/// The next thing to do in a conversation: deliver an earlier turn's reply, or run the next turn (read whole with
/// it, so running it needs no second read).
/// </summary>
public sealed record ConversationWork(long? DeliveryId, PendingTurn? Turn, DateTimeOffset DueAt)
{
    public long? TurnId => Turn?.Id;
}

/// <summary>The outcome of taking a conversation's lease: whether it is held, and if so its next work (null: none).</summary>
public sealed record LeasedWork(bool Leased, ConversationWork? Work);

/// <summary>
/// How workers find work and keep conversations exclusive: a conversation is processed by one worker of one
/// instance at a time, under a lease that its holder renews and that expires when the holder dies.
/// </summary>
public interface ITurnQueue
{
    /// <summary>Conversations with due inbox or outbox rows that no other owner holds, oldest first.</summary>
    Task<IReadOnlyList<ConversationKey>> FindReadyAsync(string owner, int max, CancellationToken cancellationToken);

    /// <summary>Takes or renews the lease; false when another owner holds an unexpired one. A single atomic statement.</summary>
    Task<bool> TryLeaseAsync(ConversationKey conversation, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryLeaseAsync"/>, then <see cref="NextAsync"/> when the lease is held: how a lane starts. One
    /// round trip on PostgreSQL; two on SQLite, whose single instance has no one to race for the lease.
    /// </summary>
    Task<LeasedWork> TryLeaseWithNextAsync(ConversationKey conversation, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Voids every lease. Only for a single-instance database (SQLite): at start, the leases still held are
    /// those of this instance's previous run, which died; nobody else can hold them.
    /// </summary>
    Task ForgetAllLeasesAsync(CancellationToken cancellationToken);

    /// <summary>Gives the lease up, if this owner still holds it.</summary>
    Task ReleaseAsync(ConversationKey conversation, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the lease up unless the conversation has work due now, checked in the same statement (after a turn,
    /// the usual end of a lane: one round trip instead of looking for work and then releasing). False when work
    /// is due, and the lease is kept, or when this owner no longer holds it.
    /// </summary>
    Task<bool> TryReleaseIfIdleAsync(ConversationKey conversation, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation's next work: its oldest pending outbox row first (replies keep their order), else its
    /// oldest pending turn; null when there is none. Work whose DueAt lies ahead must wait (back-off).
    /// </summary>
    Task<ConversationWork?> NextAsync(ConversationKey conversation, CancellationToken cancellationToken);
}
