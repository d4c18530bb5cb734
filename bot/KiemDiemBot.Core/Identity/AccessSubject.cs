namespace KiemDiemBot.Core.Identity;

/// <summary>
/// What an action is taken on: an organisation, or a member (named with the organisation whose
/// leaders answer for them, their official cell).
/// </summary>
public sealed record AccessSubject(Guid OrganisationId, Guid? MemberId)
{
    public static AccessSubject Organisation(Guid organisationId) => new(organisationId, null);

    public static AccessSubject Member(Guid memberId, Guid officialCellId) => new(officialCellId, memberId);

    public static AccessSubject Member(TurnMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Member(member.MemberId, member.OfficialCellId);
    }
}
