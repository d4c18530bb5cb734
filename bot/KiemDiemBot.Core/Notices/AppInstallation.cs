using KiemDiemBot.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Notices;

/// <summary>What became of installing the Teams app for one member through Microsoft Graph.</summary>
public enum AppInstallStatus
{
    /// <summary>Asked for, not yet done.</summary>
    Pending = 0,

    /// <summary>Graph installed it (201).</summary>
    Installed = 1,

    /// <summary>The member already had it (409).</summary>
    AlreadyInstalled = 2,

    /// <summary>Graph refused for good (no account, no licence, app blocked by policy...): the secretary is told.</summary>
    Failed = 3,
}

/// <summary>
/// The proactive installation of the app for one member who had no personal chat with the bot, so that reminders
/// reach everyone. One row per member: a retried job finds it and does not install twice.
/// </summary>
internal sealed class AppInstallation
{
    public Guid MemberId { get; set; }

    public AppInstallStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>A short technical reason (status code, Graph error code); never personal data.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class AppInstallationConfiguration : IEntityTypeConfiguration<AppInstallation>
{
    public void Configure(EntityTypeBuilder<AppInstallation> builder)
    {
        builder.ToTable("app_installations");
        builder.HasKey(i => i.MemberId);
        builder.Property(i => i.LastError).HasMaxLength(200);
        builder.HasIndex(i => i.Status);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
