using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Cycles;

internal sealed class CycleDeadlineConfiguration : IEntityTypeConfiguration<CycleDeadline>
{
    public void Configure(EntityTypeBuilder<CycleDeadline> builder)
    {
        builder.HasKey(d => new { d.CycleId, d.Kind });
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(48);
    }
}
