using KiemDiemBot.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.Property(m => m.FullName).HasMaxLength(256);
        builder.Property(m => m.Email).HasMaxLength(320);
        builder.Property(m => m.EmailKey).HasMaxLength(320);
        builder.Property(m => m.Membership).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.ActivityStatus).HasConversion<string>().HasMaxLength(48);
        builder.Property(m => m.Discipline).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.StateRating).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.ResidenceExemption).HasConversion<string>().HasMaxLength(48);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasIndex(m => m.EmailKey).IsUnique();
        builder.HasIndex(m => m.EntraObjectId).IsUnique();
        builder.HasOne(m => m.OfficialCell).WithMany().HasForeignKey(m => m.OfficialCellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.TemporaryCell).WithMany().HasForeignKey(m => m.TemporaryCellId).OnDelete(DeleteBehavior.Restrict);
    }
}
