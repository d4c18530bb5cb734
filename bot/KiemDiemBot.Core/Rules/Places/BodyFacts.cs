namespace KiemDiemBot.Core.Rules.Places;

/// <summary>A body a member can review before: its id, kind and, for a committee, its tier.</summary>
/// <param name="BodyId">The body.</param>
/// <param name="Kind">A cell, a workplace leadership collective or a party committee.</param>
/// <param name="Tier">For a committee, how high it sits.</param>
/// <param name="CommitteeOf">
/// For a committee, the party organisation whose committee it is: its executive committee, standing
/// committee and cell committee share it, so posts held in them count as one place. Null when unknown
/// (the body then counts on its own).
/// </param>
public sealed record BodyFacts(Guid BodyId, BodyKind Kind, CommitteeTier Tier, Guid? CommitteeOf = null)
{
    public static BodyFacts Cell(Guid bodyId) => new(bodyId, BodyKind.Cell, CommitteeTier.None);

    public static BodyFacts WorkplaceLeadership(Guid bodyId) => new(bodyId, BodyKind.WorkplaceLeadership, CommitteeTier.None);

    public static BodyFacts Committee(Guid bodyId, CommitteeTier tier, Guid? committeeOf = null) =>
        new(bodyId, BodyKind.Committee, tier, committeeOf);

    /// <summary>The place a post in this body counts as: the party committee it belongs to, else the body itself.</summary>
    public Guid PlaceId => CommitteeOf ?? BodyId;
}
