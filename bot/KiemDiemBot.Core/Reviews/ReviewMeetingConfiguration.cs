using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Reviews;

internal sealed class ReviewMeetingConfiguration : IEntityTypeConfiguration<ReviewMeeting>
{
    public void Configure(EntityTypeBuilder<ReviewMeeting> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => new { m.CycleId, m.OrganisationId }).IsUnique();
        builder.HasIndex(m => new { m.ChannelId, m.ConversationId });
        builder.Property(m => m.ChannelId).HasMaxLength(64);
        builder.Property(m => m.ConversationId).HasMaxLength(512);
        builder.Property(m => m.DraftReportUrl).HasMaxLength(2048);
        builder.Property(m => m.CalendarEventId).HasMaxLength(256);
        builder.Property(m => m.OnlineMeetingJoinUrl).HasMaxLength(2048);
        builder.Property(m => m.MeetingChatId).HasMaxLength(512);
        builder.Property(m => m.CalendarError).HasMaxLength(200);
        builder.HasOne<ReviewCycle>().WithMany().HasForeignKey(m => m.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
