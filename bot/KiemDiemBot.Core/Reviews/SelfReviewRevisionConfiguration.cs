using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Reviews;

internal sealed class SelfReviewRevisionConfiguration : IEntityTypeConfiguration<SelfReviewRevision>
{
    public void Configure(EntityTypeBuilder<SelfReviewRevision> builder)
    {
        builder.HasKey(r => r.Id);
        // Not unique: of two saves racing on one version, the loser must fail on the review's version
        // (a concurrent change), never on a duplicate revision.
        builder.HasIndex(r => new { r.ReviewId, r.Version });
        builder.HasOne<SelfReview>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
