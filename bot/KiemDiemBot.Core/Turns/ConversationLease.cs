using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Turns;

/// <summary>
/// Which instance processes a conversation's turns, until when. One row per conversation ever leased;
/// an instance that dies simply stops renewing, and its lease expires.
/// </summary>
internal sealed class ConversationLease
{
    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public required string Owner { get; set; }

    public long ExpiresAtMs { get; set; }
}

internal sealed class ConversationLeaseConfiguration : IEntityTypeConfiguration<ConversationLease>
{
    public void Configure(EntityTypeBuilder<ConversationLease> builder)
    {
        builder.ToTable("conversation_leases");
        builder.HasKey(l => new { l.ChannelId, l.ConversationId });
        builder.Property(l => l.ChannelId).HasMaxLength(64);
        builder.Property(l => l.ConversationId).HasMaxLength(512);
        builder.Property(l => l.Owner).HasMaxLength(128);
    }
}
