using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(320);
        builder.Property(e => e.SubjectKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Field).HasMaxLength(128);
        builder.Property(e => e.FromValue).HasMaxLength(4000);
        builder.Property(e => e.ToValue).HasMaxLength(4000);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.HasIndex(e => new { e.SubjectKind, e.SubjectId, e.At });
    }
}
