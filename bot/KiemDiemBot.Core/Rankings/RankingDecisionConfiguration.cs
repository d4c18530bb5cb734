using KiemDiemBot.Core.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Rankings;

internal sealed class RankingDecisionConfiguration : IEntityTypeConfiguration<RankingDecision>
{
    public void Configure(EntityTypeBuilder<RankingDecision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.SubjectKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Level).HasConversion<short>();
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CycleId, r.SubjectKind, r.SubjectId }).IsUnique();
        builder.HasIndex(r => new { r.CycleId, r.DecidedByBodyId });
        builder.HasOne<ReviewCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
