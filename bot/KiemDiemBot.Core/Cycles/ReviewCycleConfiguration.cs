using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Cycles;

internal sealed class ReviewCycleConfiguration : IEntityTypeConfiguration<ReviewCycle>
{
    public void Configure(EntityTypeBuilder<ReviewCycle> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RuleSetCode).HasMaxLength(32);
        builder.Property(c => c.OpenedBy).HasMaxLength(320);
        builder.HasIndex(c => c.Year).IsUnique();
        builder.Property(c => c.ReminderOffsets).HasMaxLength(64);
        builder.HasMany(c => c.Deadlines).WithOne().HasForeignKey(d => d.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.CommitteeDeadlines).WithOne().HasForeignKey(d => d.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.CalendarDays).WithOne().HasForeignKey(d => d.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
