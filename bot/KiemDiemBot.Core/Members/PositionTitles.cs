using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules.Places;

namespace KiemDiemBot.Core.Members;

/// <summary>What each post means for the rules, where it can be held, and its Vietnamese name.</summary>
public static class PositionTitles
{
    /// <summary>Head, deputy or member: what orders reviews and picks chairs.</summary>
    public static PostRole Role(this PositionTitle title) => title switch
    {
        PositionTitle.Secretary or PositionTitle.AgencyHead => PostRole.Head,
        PositionTitle.DeputySecretary or PositionTitle.AgencyDeputyHead => PostRole.Deputy,
        _ => PostRole.Member,
    };

    /// <summary>Whether the post can be held in a body of <paramref name="bodyKind"/>.</summary>
    public static bool FitsBody(this PositionTitle title, OrganisationKind bodyKind) => title switch
    {
        PositionTitle.Secretary or PositionTitle.DeputySecretary => bodyKind != OrganisationKind.AgencyLeadership,
        PositionTitle.StandingCommitteeMember => bodyKind is OrganisationKind.StandingCommittee
            or OrganisationKind.SuperiorCommittee or OrganisationKind.GrassrootsCommittee,
        PositionTitle.ExecutiveCommitteeMember => bodyKind is OrganisationKind.ExecutiveCommittee
            or OrganisationKind.SuperiorCommittee or OrganisationKind.GrassrootsCommittee
            or OrganisationKind.GrassrootsCell or OrganisationKind.SubCommittee,
        PositionTitle.CellCommitteeMember => bodyKind == OrganisationKind.CellCommittee || bodyKind.IsCell(),
        PositionTitle.AgencyHead or PositionTitle.AgencyDeputyHead => bodyKind == OrganisationKind.AgencyLeadership,
        PositionTitle.CollectiveMember => bodyKind.IsLeadershipCollective(),
        _ => false,
    };

    /// <summary>The Vietnamese name, e.g. "Phó Bí thư".</summary>
    public static string DisplayName(this PositionTitle title) => title switch
    {
        PositionTitle.Secretary => RosterTexts.Title_Secretary,
        PositionTitle.DeputySecretary => RosterTexts.Title_DeputySecretary,
        PositionTitle.StandingCommitteeMember => RosterTexts.Title_StandingCommitteeMember,
        PositionTitle.ExecutiveCommitteeMember => RosterTexts.Title_ExecutiveCommitteeMember,
        PositionTitle.CellCommitteeMember => RosterTexts.Title_CellCommitteeMember,
        PositionTitle.AgencyHead => RosterTexts.Title_AgencyHead,
        PositionTitle.AgencyDeputyHead => RosterTexts.Title_AgencyDeputyHead,
        PositionTitle.CollectiveMember => RosterTexts.Title_CollectiveMember,
        _ => throw new ArgumentOutOfRangeException(nameof(title), title, null),
    };
}
