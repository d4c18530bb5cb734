namespace KiemDiemBot.Core.Rules.Places;

/// <summary>What the place rules need to know about one member's posts.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Cell">The cell where the member holds activities.</param>
/// <param name="Posts">Every leadership or management post the member holds (not the cell membership itself).</param>
/// <param name="WorkplaceGrassrootsCommittee">The grassroots committee of the member's workplace, before which its heads and deputies also review; null when there is none.</param>
/// <param name="PlacesDecidedByCompetentLevel">Further bodies the competent level decided the member also reviews before.</param>
public sealed record MemberPostFacts(
    Guid MemberId,
    BodyFacts Cell,
    IReadOnlyList<PostFacts> Posts,
    BodyFacts? WorkplaceGrassrootsCommittee,
    IReadOnlyList<BodyFacts> PlacesDecidedByCompetentLevel);
