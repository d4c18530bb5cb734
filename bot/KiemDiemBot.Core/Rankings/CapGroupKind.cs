using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rankings;

/// <summary>
/// The subject types the 20% cap counts separately inside one grassroots organisation (issue 8 item 4): party
/// members, party organisations, leadership collectives, and members ranked as committee members or as leaders.
/// A member ballot run in a cell ranks party members; one run in a party committee (Ban Chấp hành, Ban Thường vụ,
/// Chi ủy) ranks its members as committee members; one run in an agency's leadership or a party delegation ranks
/// them as leaders.
/// </summary>
public enum CapGroupKind
{
    PartyMembers,
    PartyOrganisations,
    LeadershipCollectives,
    CommitteeMembers,
    Leaders,
}

public static class CapGroupKinds
{
    /// <summary>The group a ballot's subjects count in, from its subject kind and the kind of body it ran in.</summary>
    public static CapGroupKind Of(BallotSubjectKind subjectKind, OrganisationKind? votingBodyKind) => subjectKind switch
    {
        BallotSubjectKind.Organisation => CapGroupKind.PartyOrganisations,
        BallotSubjectKind.LeadershipCollective => CapGroupKind.LeadershipCollectives,
        _ => votingBodyKind switch
        {
            OrganisationKind.ExecutiveCommittee or OrganisationKind.StandingCommittee or OrganisationKind.CellCommittee => CapGroupKind.CommitteeMembers,
            OrganisationKind.AgencyLeadership or OrganisationKind.PartyDelegation => CapGroupKind.Leaders,
            _ => CapGroupKind.PartyMembers,
        },
    };

    /// <summary>The Vietnamese name, e.g. "Đảng viên".</summary>
    public static string DisplayName(this CapGroupKind kind) => kind switch
    {
        CapGroupKind.PartyMembers => RankingTexts.Group_Members,
        CapGroupKind.PartyOrganisations => RankingTexts.Group_Organisations,
        CapGroupKind.LeadershipCollectives => RankingTexts.Group_Collectives,
        CapGroupKind.CommitteeMembers => RankingTexts.Group_CommitteeMembers,
        CapGroupKind.Leaders => RankingTexts.Group_Leaders,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
