using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Turns;

/// <summary>How an outbound activity reaches its conversation (PROTOCOL.md 3.2).</summary>
public enum OutboundOperation
{
    /// <summary>POST .../activities: a new message.</summary>
    Send = 0,

    /// <summary>POST .../activities/{TargetActivityId}: a reply to an inbound message.</summary>
    Reply = 1,

    /// <summary>PUT .../activities/{TargetActivityId}: replaces a message the bot sent earlier.</summary>
    Update = 2,
}

public enum OutboundActivityStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Given up after its attempts, or refused for good by the Connector.</summary>
    Failed = 2,

    /// <summary>Not sent: the conversation refuses the bot's writes (403 MessageWritesBlocked).</summary>
    Blocked = 3,
}

/// <summary>
/// One activity the bot is to send (the outbox). Written in the same unit of work as the turn that decided
/// it, and sent after the commit; a crash in between resends rather than loses. Rows of one conversation
/// are sent in id order.
/// </summary>
internal sealed class OutboundActivity
{
    public long Id { get; set; }

    /// <summary>The inbound activity whose turn wrote this row; null for a proactive message.</summary>
    public long? InboundActivityId { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public OutboundOperation Operation { get; set; }

    /// <summary>The activity replied to (Reply) or replaced (Update).</summary>
    public string? TargetActivityId { get; set; }

    /// <summary>The activity to send (JSON). Never logged.</summary>
    public required string Payload { get; set; }

    public OutboundActivityStatus Status { get; set; }

    public int Attempts { get; set; }

    public long CreatedAtMs { get; set; }

    public long NextAttemptAtMs { get; set; }

    public long? SentAtMs { get; set; }

    /// <summary>The id the channel gave the sent activity.</summary>
    public string? SentActivityId { get; set; }

    /// <summary>Set for a message that must exist at most once (e.g. the "turn failed" notice of one turn); unique.</summary>
    public string? DedupeKey { get; set; }

    /// <summary>The member delivery this row carries (fan-outs and jobs); its status follows this row's.</summary>
    public long? DeliveryId { get; set; }
}

internal sealed class OutboundActivityConfiguration : IEntityTypeConfiguration<OutboundActivity>
{
    public void Configure(EntityTypeBuilder<OutboundActivity> builder)
    {
        builder.ToTable("outbound_activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ChannelId).HasMaxLength(64);
        builder.Property(a => a.ConversationId).HasMaxLength(512);
        builder.Property(a => a.ServiceUrl).HasMaxLength(512);
        builder.Property(a => a.TargetActivityId).HasMaxLength(256);
        builder.Property(a => a.SentActivityId).HasMaxLength(256);
        builder.Property(a => a.DedupeKey).HasMaxLength(256);
        builder.Property(a => a.Status).IsConcurrencyToken();
        builder.HasIndex(a => a.DedupeKey).IsUnique();
        builder.HasIndex(a => new { a.Status, a.ChannelId, a.ConversationId, a.Id });
        builder.HasIndex(a => a.InboundActivityId);
        builder.HasIndex(a => a.DeliveryId);
    }
}
