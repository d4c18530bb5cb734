using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Reminders;

/// <summary>The ledger of occasions run: one row per <see cref="PlannedOccasion.Key"/>, written in the commit that staged its messages.</summary>
internal sealed class OccasionRun
{
    public required string Key { get; set; }

    public long RanAtMs { get; set; }

    /// <summary>Messages the run staged (0 when nobody needed one).</summary>
    public int Staged { get; set; }
}

internal sealed class OccasionRunConfiguration : IEntityTypeConfiguration<OccasionRun>
{
    public void Configure(EntityTypeBuilder<OccasionRun> builder)
    {
        builder.ToTable("occasion_runs");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(200);
    }
}
