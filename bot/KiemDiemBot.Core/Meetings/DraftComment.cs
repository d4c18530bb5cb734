using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Meetings;

/// <summary>A participant's comment (góp ý) on a meeting's draft collective report; one per participant, the latest wins.</summary>
internal sealed class DraftComment
{
    public Guid MeetingId { get; set; }

    public Guid MemberId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class DraftCommentConfiguration : IEntityTypeConfiguration<DraftComment>
{
    public void Configure(EntityTypeBuilder<DraftComment> builder)
    {
        builder.ToTable("draft_comments");
        builder.HasKey(c => new { c.MeetingId, c.MemberId });
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.HasOne<ReviewMeeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
