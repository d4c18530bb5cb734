namespace KiemDiemBot.Core.Rules.Places;

/// <summary>A member taking part in a review meeting.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="PartyRole">Role in the party organisation holding the meeting (secretary = head, deputy secretary = deputy, committee member = member).</param>
/// <param name="AgencyRole">Leadership or management post in the agency (head, deputy, member of the leadership collective); orders a cell meeting too, where leaders go before members.</param>
/// <param name="IsReviewedHere">Has an individual review at this meeting.</param>
public sealed record MeetingParticipant(Guid MemberId, PostRole PartyRole, PostRole AgencyRole, bool IsReviewedHere)
{
    /// <summary>The higher of the two roles: what sets the order of review.</summary>
    public PostRole HighestRole => PartyRole >= AgencyRole ? PartyRole : AgencyRole;
}
