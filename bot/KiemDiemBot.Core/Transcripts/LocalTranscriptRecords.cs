using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Transcripts;

/// <summary>
/// A conversation of the local channel (the Web Chat stand-in for Teams): the channel's own storage, kept
/// in the database so that a restart keeps the chat history, as Teams does.
/// </summary>
internal sealed class LocalConversationRecord
{
    public required string Id { get; set; }

    public required string ConversationType { get; set; }

    public string? Name { get; set; }

    /// <summary>The last sequence number given to an entry of this conversation.</summary>
    public long LastSequence { get; set; }
}

/// <summary>A person who opened or wrote in a local conversation.</summary>
internal sealed class LocalConversationMemberRecord
{
    public required string ConversationId { get; set; }

    public required string UserId { get; set; }

    public string? Name { get; set; }
}

/// <summary>One activity of a local conversation's transcript, in sequence order.</summary>
internal sealed class LocalTranscriptEntryRecord
{
    public required string ConversationId { get; set; }

    public long Sequence { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>The activity (JSON).</summary>
    public required string Payload { get; set; }
}

internal sealed class LocalConversationRecordConfiguration : IEntityTypeConfiguration<LocalConversationRecord>
{
    public void Configure(EntityTypeBuilder<LocalConversationRecord> builder)
    {
        builder.ToTable("local_conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(512);
        builder.Property(c => c.ConversationType).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(256);
    }
}

internal sealed class LocalConversationMemberRecordConfiguration : IEntityTypeConfiguration<LocalConversationMemberRecord>
{
    public void Configure(EntityTypeBuilder<LocalConversationMemberRecord> builder)
    {
        builder.ToTable("local_conversation_members");
        builder.HasKey(m => new { m.ConversationId, m.UserId });
        builder.Property(m => m.ConversationId).HasMaxLength(512);
        builder.Property(m => m.UserId).HasMaxLength(320);
        builder.Property(m => m.Name).HasMaxLength(256);
    }
}

internal sealed class LocalTranscriptEntryRecordConfiguration : IEntityTypeConfiguration<LocalTranscriptEntryRecord>
{
    public void Configure(EntityTypeBuilder<LocalTranscriptEntryRecord> builder)
    {
        builder.ToTable("local_transcript_entries");
        builder.HasKey(e => new { e.ConversationId, e.Sequence });
        builder.Property(e => e.ConversationId).HasMaxLength(512);
        builder.Property(e => e.ActivityId).HasMaxLength(64);
        builder.HasIndex(e => new { e.ConversationId, e.ActivityId });
    }
}
