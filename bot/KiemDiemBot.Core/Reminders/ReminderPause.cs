using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Reminders;

/// <summary>A member whose automatic reminders their secretary paused for a cycle (on leave, the secretary enters for them).</summary>
internal sealed class ReminderPause
{
    public Guid CycleId { get; set; }

    public Guid MemberId { get; set; }

    public Guid PausedByMemberId { get; set; }

    public DateTimeOffset PausedAt { get; set; }
}

internal sealed class ReminderPauseConfiguration : IEntityTypeConfiguration<ReminderPause>
{
    public void Configure(EntityTypeBuilder<ReminderPause> builder)
    {
        builder.ToTable("reminder_pauses");
        builder.HasKey(p => new { p.CycleId, p.MemberId });
        builder.HasOne<ReviewCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
