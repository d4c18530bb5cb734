using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Conversations;

/// <summary>One user's place in one conversation, kept so the bot can write there later.</summary>
internal sealed class ConversationReferenceRecord
{
    public long Id { get; set; }
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string? BotId { get; set; }
    public required string ServiceUrl { get; set; }
    public string? TenantId { get; set; }
    public string? ConversationType { get; set; }
    public string? Locale { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Set when the Connector answered 403 MessageWritesBlocked: the user blocked or removed the bot.</summary>
    public DateTimeOffset? WritesBlockedAt { get; set; }
}

internal sealed class ConversationReferenceRecordConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ChannelId).HasMaxLength(64);
        builder.Property(r => r.ConversationId).HasMaxLength(512);
        builder.Property(r => r.UserId).HasMaxLength(256);
        builder.Property(r => r.UserAadObjectId).HasMaxLength(64);
        builder.Property(r => r.BotId).HasMaxLength(256);
        builder.Property(r => r.ServiceUrl).HasMaxLength(512);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.ConversationType).HasMaxLength(32);
        builder.Property(r => r.Locale).HasMaxLength(32);
        builder.HasIndex(r => new { r.ChannelId, r.ConversationId, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.ChannelId, r.UserId });
    }
}
