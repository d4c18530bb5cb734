using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Flows;

public enum FlowStatus
{
    Active = 0,
    Completed = 1,

    /// <summary>The member left it ("hủy"); starting it again begins anew.</summary>
    Cancelled = 2,
}

/// <summary>
/// The typed state of one member's flow in one cycle, serialised as JSON, with the current step and an
/// integer version that is the concurrency token: every change bumps it, and a card carries the version it
/// was drawn from, so a stale or doubled submit is recognised. <see cref="CycleId"/> is
/// <see cref="Guid.Empty"/> for flows that belong to no cycle (a null would not be unique in an index).
/// </summary>
internal sealed class FlowStateRecord
{
    public long Id { get; set; }

    public Guid MemberId { get; set; }

    public Guid CycleId { get; set; }

    public required string FlowName { get; set; }

    public required string Step { get; set; }

    public int Version { get; set; }

    public required string StateJson { get; set; }

    public FlowStatus Status { get; set; }

    public long UpdatedAtMs { get; set; }
}

internal sealed class FlowStateRecordConfiguration : IEntityTypeConfiguration<FlowStateRecord>
{
    public void Configure(EntityTypeBuilder<FlowStateRecord> builder)
    {
        builder.ToTable("flow_states");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FlowName).HasMaxLength(64);
        builder.Property(f => f.Step).HasMaxLength(64);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.MemberId, f.CycleId, f.FlowName }).IsUnique();
        builder.HasIndex(f => new { f.MemberId, f.Status, f.UpdatedAtMs });
    }
}
