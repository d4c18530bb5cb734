using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Turns;

/// <summary>
/// A send-rate limit shared by every instance through the database (PROTOCOL.md 5.1: 50 requests per second per
/// app per tenant): callers reserve evenly spaced send slots, and a 429 pauses the whole scope. Each call is its own
/// atomic statement, outside any unit of work.
/// </summary>
public interface ISendRateGate
{
    /// <summary>
    /// Reserves the next free slot of <paramref name="scope"/> (slots are <paramref name="spacing"/> apart, none
    /// before a pause ends) and answers when it is: now or later. The caller sends at that time, not before.
    /// </summary>
    Task<DateTimeOffset> ReserveAsync(string scope, TimeSpan spacing, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReserveAsync"/>, but only when the slot is at most <paramref name="maxWait"/> away: otherwise
    /// nothing is reserved (no slot is wasted) and the answer says when the next free slot is, for the caller to
    /// come back then.
    /// </summary>
    Task<SendSlot> TryReserveAsync(string scope, TimeSpan spacing, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>No slot of <paramref name="scope"/> before <paramref name="until"/> (a 429's Retry-After); an earlier pause is kept if longer.</summary>
    Task PauseAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>A send slot: reserved for the caller at <paramref name="At"/>, or (not reserved) the next free one is at <paramref name="At"/>.</summary>
public readonly record struct SendSlot(bool Reserved, DateTimeOffset At);

/// <summary>One rate-limited scope (a tenant): the next free slot and the end of a pause, in Unix milliseconds.</summary>
internal sealed class SendRateLimit
{
    public required string Scope { get; set; }

    public long NextSlotMs { get; set; }

    public long PausedUntilMs { get; set; }
}

internal sealed class SendRateLimitConfiguration : IEntityTypeConfiguration<SendRateLimit>
{
    public void Configure(EntityTypeBuilder<SendRateLimit> builder)
    {
        builder.ToTable("send_rate_limits");
        builder.HasKey(l => l.Scope);
        builder.Property(l => l.Scope).HasMaxLength(128);
    }
}
