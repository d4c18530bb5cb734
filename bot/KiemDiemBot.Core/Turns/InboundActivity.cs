using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Turns;

/// <summary>Where an inbound activity stands in the durable inbox.</summary>
public enum InboundActivityStatus
{
    /// <summary>Stored and answered 200; its turn has not committed yet.</summary>
    Pending = 0,

    /// <summary>Its turn committed (state, domain changes and replies together).</summary>
    Done = 1,

    /// <summary>Its turn failed every attempt; the sender was told once.</summary>
    Failed = 2,

    /// <summary>An invoke, answered in the HTTP response; kept so a repeated delivery gets the same answer.</summary>
    Answered = 3,
}

/// <summary>
/// One authenticated activity, stored before the channel's POST is answered (the durable inbox). Its id gives
/// the arrival order; (channel, conversation, activity id) is unique, so a redelivery changes nothing.
/// Scheduling instants are Unix milliseconds so that raw SQL compares them the same way on every provider.
/// </summary>
internal sealed class InboundActivity
{
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    /// <summary>The activity as received (JSON). Never logged.</summary>
    public required string Payload { get; set; }

    public InboundActivityStatus Status { get; set; }

    public int Attempts { get; set; }

    public long ReceivedAtMs { get; set; }

    /// <summary>Not to be tried before this instant (retry back-off).</summary>
    public long NextAttemptAtMs { get; set; }

    public long? CompletedAtMs { get; set; }

    /// <summary>For an invoke: the status code of the answer given.</summary>
    public int? InvokeStatus { get; set; }

    /// <summary>For an invoke: the JSON body of the answer given, if any.</summary>
    public string? InvokeResponse { get; set; }
}

internal sealed class InboundActivityConfiguration : IEntityTypeConfiguration<InboundActivity>
{
    public void Configure(EntityTypeBuilder<InboundActivity> builder)
    {
        builder.ToTable("inbound_activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ChannelId).HasMaxLength(64);
        builder.Property(a => a.ConversationId).HasMaxLength(512);
        builder.Property(a => a.ActivityId).HasMaxLength(256);
        builder.Property(a => a.ActivityType).HasMaxLength(64);
        // A lease that expired under a stalled instance must not let two instances both finish one turn.
        builder.Property(a => a.Status).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ChannelId, a.ConversationId, a.ActivityId }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.ChannelId, a.ConversationId, a.Id });
        builder.HasIndex(a => new { a.Status, a.CompletedAtMs });
    }
}
