using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Exports;

/// <summary>
/// A draft or export uploaded to the organisation's SharePoint folder (or a member's OneDrive) and shared by link
/// with the people who may read it. One row per (kind, subject): uploading the same document again replaces the
/// file in place and keeps its link.
/// </summary>
internal sealed class SharedFile
{
    public Guid Id { get; set; }

    /// <summary>What the file is, e.g. "minutes", "ranking-list", "draft-report", "self-review".</summary>
    public required string Kind { get; set; }

    /// <summary>Which one, e.g. the ballot, meeting or self-review id.</summary>
    public required string SubjectKey { get; set; }

    /// <summary>The organisation whose folder holds it; null for a member's personal export.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>The member whose OneDrive holds it (personal exports); null for the organisation's files.</summary>
    public Guid? OwnerMemberId { get; set; }

    public required string DriveId { get; set; }

    public required string ItemId { get; set; }

    /// <summary>The link people open (shared only with the recipients; sign-in required).</summary>
    public required string WebUrl { get; set; }

    /// <summary>SHA-256 of what the document contains (not its zip bytes, which differ on every render), hex: an unchanged document is not uploaded again.</summary>
    public required string ContentHash { get; set; }

    /// <summary>How many people it is shared with (the recipients themselves are not stored here).</summary>
    public int SharedWithCount { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public DateTimeOffset? SharedAt { get; set; }
}

internal sealed class SharedFileConfiguration : IEntityTypeConfiguration<SharedFile>
{
    public void Configure(EntityTypeBuilder<SharedFile> builder)
    {
        builder.ToTable("shared_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasIndex(f => new { f.Kind, f.SubjectKey }).IsUnique();
        builder.Property(f => f.Kind).HasMaxLength(40);
        builder.Property(f => f.SubjectKey).HasMaxLength(200);
        builder.Property(f => f.DriveId).HasMaxLength(200);
        builder.Property(f => f.ItemId).HasMaxLength(200);
        builder.Property(f => f.WebUrl).HasMaxLength(2048);
        builder.Property(f => f.ContentHash).HasMaxLength(64);
    }
}
