using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Reviews;

internal sealed class SelfReviewConfiguration : IEntityTypeConfiguration<SelfReview>
{
    public void Configure(EntityTypeBuilder<SelfReview> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.MemberId, r.CycleId }).IsUnique();
        builder.HasIndex(r => r.CycleId);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReviewCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
