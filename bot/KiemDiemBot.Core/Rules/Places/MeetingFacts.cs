namespace KiemDiemBot.Core.Rules.Places;

/// <summary>What the agenda rules need to know about one review meeting.</summary>
/// <param name="BodyId">The body (collective) holding the meeting.</param>
/// <param name="Kind">A party organisation alone, or jointly with the agency leadership.</param>
/// <param name="ReviewsCollective">The collective itself is reviewed at this meeting.</param>
/// <param name="Participants">Everyone taking part, in the order the secretary listed them.</param>
public sealed record MeetingFacts(Guid BodyId, MeetingKind Kind, bool ReviewsCollective, IReadOnlyList<MeetingParticipant> Participants);
