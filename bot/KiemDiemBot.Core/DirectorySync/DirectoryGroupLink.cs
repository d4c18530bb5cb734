using KiemDiemBot.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.DirectorySync;

/// <summary>
/// An organisation's roster source in Microsoft 365: the group (or team, which is a group) whose members are
/// the organisation's people, and where the last delta round ended, so the nightly sync asks only what changed.
/// </summary>
internal sealed class DirectoryGroupLink
{
    public Guid OrganisationId { get; set; }

    /// <summary>The Entra group's object id.</summary>
    public required string GroupId { get; set; }

    /// <summary>The <c>@odata.deltaLink</c> of the last completed round; null until a full round has completed.</summary>
    public string? DeltaLink { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }
}

internal sealed class DirectoryGroupLinkConfiguration : IEntityTypeConfiguration<DirectoryGroupLink>
{
    public void Configure(EntityTypeBuilder<DirectoryGroupLink> builder)
    {
        builder.ToTable("directory_group_links");
        builder.HasKey(l => l.OrganisationId);
        builder.Property(l => l.GroupId).HasMaxLength(64);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
