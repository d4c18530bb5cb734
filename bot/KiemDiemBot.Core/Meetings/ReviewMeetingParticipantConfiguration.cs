using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Meetings;

internal sealed class ReviewMeetingParticipantConfiguration : IEntityTypeConfiguration<ReviewMeetingParticipant>
{
    public void Configure(EntityTypeBuilder<ReviewMeetingParticipant> builder)
    {
        builder.HasKey(p => new { p.MeetingId, p.MemberId });
        builder.HasOne<ReviewMeeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
