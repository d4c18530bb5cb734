using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Reviews;

internal sealed class ReviewSuggestionConfiguration : IEntityTypeConfiguration<ReviewSuggestion>
{
    public void Configure(EntityTypeBuilder<ReviewSuggestion> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Text).HasMaxLength(SelfReviewAnswers.MaxTextLength);
        builder.HasIndex(s => new { s.CycleId, s.MemberId });
        builder.HasOne<ReviewCycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
