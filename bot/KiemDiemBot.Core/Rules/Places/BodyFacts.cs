namespace KiemDiemBot.Core.Rules.Places;

/// <summary>A body a member can review before: its id, kind and, for a committee, its tier.</summary>
public sealed record BodyFacts(Guid BodyId, BodyKind Kind, CommitteeTier Tier)
{
    public static BodyFacts Cell(Guid bodyId) => new(bodyId, BodyKind.Cell, CommitteeTier.None);

    public static BodyFacts WorkplaceLeadership(Guid bodyId) => new(bodyId, BodyKind.WorkplaceLeadership, CommitteeTier.None);

    public static BodyFacts Committee(Guid bodyId, CommitteeTier tier) => new(bodyId, BodyKind.Committee, tier);
}
