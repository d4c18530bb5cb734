using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Cycles;

internal sealed class CycleCalendarDayConfiguration : IEntityTypeConfiguration<CycleCalendarDay>
{
    public void Configure(EntityTypeBuilder<CycleCalendarDay> builder)
    {
        builder.HasKey(d => new { d.CycleId, d.Date });
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Note).HasMaxLength(200);
    }
}
