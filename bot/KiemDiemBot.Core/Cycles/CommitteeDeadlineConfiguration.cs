using KiemDiemBot.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Cycles;

internal sealed class CommitteeDeadlineConfiguration : IEntityTypeConfiguration<CommitteeDeadline>
{
    public void Configure(EntityTypeBuilder<CommitteeDeadline> builder)
    {
        builder.HasKey(d => new { d.CycleId, d.OrganisationId, d.Kind });
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(48);
        builder.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
