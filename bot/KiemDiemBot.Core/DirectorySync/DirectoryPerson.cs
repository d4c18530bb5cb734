using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.DirectorySync;

/// <summary>
/// One person of an organisation's Microsoft 365 group as the last sync saw them, matched to a roster member
/// when their object id or e-mail is on the roster. Never deleted: someone who left the group keeps the row
/// with <see cref="LeftAt"/> set, so the report can say who left and when.
/// </summary>
internal sealed class DirectoryPerson
{
    public long Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid EntraObjectId { get; set; }

    /// <summary>The mail (or, without one, the user principal name) as the directory gives it.</summary>
    public string? Email { get; set; }

    public required string DisplayName { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>The roster member this person is, once matched by object id or e-mail.</summary>
    public Guid? MemberId { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When a sync found them gone from the group (removed, or the account deleted); cleared if they come back.</summary>
    public DateTimeOffset? LeftAt { get; set; }
}

internal sealed class DirectoryPersonConfiguration : IEntityTypeConfiguration<DirectoryPerson>
{
    public void Configure(EntityTypeBuilder<DirectoryPerson> builder)
    {
        builder.ToTable("directory_people");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.OrganisationId, p.EntraObjectId }).IsUnique();
        builder.HasIndex(p => p.MemberId);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.DisplayName).HasMaxLength(256);
        builder.Property(p => p.JobTitle).HasMaxLength(256);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
