using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Places;

namespace KiemDiemBot.Core.Meetings;

/// <summary>A body holding a review meeting, as the planner needs it: who is on its roster, with their roles there, and who leads it.</summary>
/// <param name="Roster">The members who may be summoned, by name.</param>
/// <param name="LeaderIds">Its secretary and deputy secretaries: who may schedule, move or cancel its meeting.</param>
internal sealed record MeetingBody(
    Guid Id,
    string Name,
    OrganisationKind Kind,
    MeetingKind MeetingKind,
    IReadOnlyList<MeetingBodyMember> Roster,
    IReadOnlySet<Guid> LeaderIds)
{
    public MeetingBodyMember? Find(Guid memberId) => Roster.FirstOrDefault(m => m.MemberId == memberId);
}

/// <summary>A member on a body's roster.</summary>
/// <param name="IsOfficial">An official (not probationary) member: votes.</param>
/// <param name="IsExempt">Exempt from work and activities: left out of a ballot's base.</param>
/// <param name="IsReviewedHere">Has an individual review at this body's meeting.</param>
/// <param name="PartyRole">Role in the body (its secretary, deputy, committee member).</param>
/// <param name="AgencyRole">Role in an agency's leadership (orders the reviews: leaders before members).</param>
internal sealed record MeetingBodyMember(
    Guid MemberId,
    string FullName,
    bool IsOfficial,
    bool IsExempt,
    bool IsReviewedHere,
    PostRole PartyRole,
    PostRole AgencyRole);
