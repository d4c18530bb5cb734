using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Notices;

/// <summary>What became of one message meant for one member.</summary>
public enum DeliveryStatus
{
    /// <summary>Staged in the outbox, not yet sent.</summary>
    Pending = 0,

    Sent = 1,

    /// <summary>Given up after its attempts, or refused for good by the Connector.</summary>
    Failed = 2,

    /// <summary>The member's chat refuses the bot (403 MessageWritesBlocked, uninstalled).</summary>
    Blocked = 3,

    /// <summary>No personal chat with the bot is known for the member: nothing was staged.</summary>
    Unreachable = 4,
}

/// <summary>
/// The record of one message a job or a fan-out meant for one member on one occasion (who, what, status, attempts,
/// last error). Unique per (occasion, member), so a retried or duplicated job finds it and sends nothing twice;
/// kept for the whole cycle (not pruned with the outbox), so secretaries can see who was reached.
/// </summary>
internal sealed class Delivery
{
    public long Id { get; set; }

    /// <summary>The occasion, e.g. "reminder:{cycle}:{target day}:{offset}": the fan-out's dedupe scope.</summary>
    public required string Occasion { get; set; }

    public Guid MemberId { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>A short technical reason (status code, error code); never message text or personal data.</summary>
    public string? LastError { get; set; }

    public long CreatedAtMs { get; set; }

    public long UpdatedAtMs { get; set; }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Occasion).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(200);
        builder.HasIndex(d => new { d.Occasion, d.MemberId }).IsUnique();
        builder.HasIndex(d => d.MemberId);
    }
}
