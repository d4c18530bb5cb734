using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>The vocabularies of the roster's enumerated columns.</summary>
internal static class RosterWords
{
    public static RosterVocabulary<OrganisationKind> Kinds { get; } = new(
    [
        (OrganisationKind.SuperiorCommittee, RosterTexts.Kind_SuperiorCommittee, RosterTexts.Kind_SuperiorCommittee_Aliases),
        (OrganisationKind.GrassrootsCommittee, RosterTexts.Kind_GrassrootsCommittee, RosterTexts.Kind_GrassrootsCommittee_Aliases),
        (OrganisationKind.GrassrootsCell, RosterTexts.Kind_GrassrootsCell, RosterTexts.Kind_GrassrootsCell_Aliases),
        (OrganisationKind.SubCommittee, RosterTexts.Kind_SubCommittee, RosterTexts.Kind_SubCommittee_Aliases),
        (OrganisationKind.AffiliatedCell, RosterTexts.Kind_AffiliatedCell, RosterTexts.Kind_AffiliatedCell_Aliases),
        (OrganisationKind.PartyGroup, RosterTexts.Kind_PartyGroup, RosterTexts.Kind_PartyGroup_Aliases),
        (OrganisationKind.ExecutiveCommittee, RosterTexts.Kind_ExecutiveCommittee, RosterTexts.Kind_ExecutiveCommittee_Aliases),
        (OrganisationKind.StandingCommittee, RosterTexts.Kind_StandingCommittee, RosterTexts.Kind_StandingCommittee_Aliases),
        (OrganisationKind.CellCommittee, RosterTexts.Kind_CellCommittee, RosterTexts.Kind_CellCommittee_Aliases),
        (OrganisationKind.AgencyLeadership, RosterTexts.Kind_AgencyLeadership, RosterTexts.Kind_AgencyLeadership_Aliases),
        (OrganisationKind.PartyDelegation, RosterTexts.Kind_PartyDelegation, RosterTexts.Kind_PartyDelegation_Aliases),
    ]);

    public static RosterVocabulary<MembershipKind> Memberships { get; } = new(
    [
        (MembershipKind.Official, RosterTexts.Membership_Official, RosterTexts.Membership_Official_Aliases),
        (MembershipKind.Probationary, RosterTexts.Membership_Probationary, RosterTexts.Membership_Probationary_Aliases),
    ]);

    public static RosterVocabulary<MemberStatus> Statuses { get; } = new(
    [
        (MemberStatus.Active, RosterTexts.Status_Active, RosterTexts.Status_Active_Aliases),
        (MemberStatus.ExemptFromWorkAndActivities, RosterTexts.Status_Exempt, RosterTexts.Status_Exempt_Aliases),
        (MemberStatus.SuspendedFromActivities, RosterTexts.Status_Suspended, RosterTexts.Status_Suspended_Aliases),
        (MemberStatus.SuspendedFromCommitteeOnly, RosterTexts.Status_SuspendedFromCommittee, RosterTexts.Status_SuspendedFromCommittee_Aliases),
    ]);

    public static RosterVocabulary<DisciplineSeverity> Disciplines { get; } = new(
    [
        (DisciplineSeverity.Reprimand, RosterTexts.Discipline_Reprimand, string.Empty),
        (DisciplineSeverity.Warning, RosterTexts.Discipline_Warning, string.Empty),
        (DisciplineSeverity.Dismissal, RosterTexts.Discipline_Dismissal, string.Empty),
        (DisciplineSeverity.Expulsion, RosterTexts.Discipline_Expulsion, string.Empty),
    ]);

    public static RosterVocabulary<PositionTitle> Titles { get; } = new(
    [
        (PositionTitle.Secretary, RosterTexts.Title_Secretary, RosterTexts.Title_Secretary_Aliases),
        (PositionTitle.DeputySecretary, RosterTexts.Title_DeputySecretary, RosterTexts.Title_DeputySecretary_Aliases),
        (PositionTitle.StandingCommitteeMember, RosterTexts.Title_StandingCommitteeMember, RosterTexts.Title_StandingCommitteeMember_Aliases),
        (PositionTitle.ExecutiveCommitteeMember, RosterTexts.Title_ExecutiveCommitteeMember, RosterTexts.Title_ExecutiveCommitteeMember_Aliases),
        (PositionTitle.CellCommitteeMember, RosterTexts.Title_CellCommitteeMember, RosterTexts.Title_CellCommitteeMember_Aliases),
        (PositionTitle.AgencyHead, RosterTexts.Title_AgencyHead, RosterTexts.Title_AgencyHead_Aliases),
        (PositionTitle.AgencyDeputyHead, RosterTexts.Title_AgencyDeputyHead, RosterTexts.Title_AgencyDeputyHead_Aliases),
        (PositionTitle.CollectiveMember, RosterTexts.Title_CollectiveMember, RosterTexts.Title_CollectiveMember_Aliases),
    ]);

    public static RosterVocabulary<YesNo> Answers { get; } = new(
    [
        (YesNo.Yes, RosterTexts.Yes, RosterTexts.Yes_Aliases),
        (YesNo.No, RosterTexts.No, RosterTexts.No_Aliases),
    ]);

    /// <summary>The roster's word for a status, e.g. for the demo organisation and the template.</summary>
    public static string StatusName(MemberStatus status) => status switch
    {
        MemberStatus.ExemptFromWorkAndActivities => RosterTexts.Status_Exempt,
        MemberStatus.SuspendedFromActivities => RosterTexts.Status_Suspended,
        MemberStatus.SuspendedFromCommitteeOnly => RosterTexts.Status_SuspendedFromCommittee,
        _ => RosterTexts.Status_Active,
    };

    public static string MembershipName(MembershipKind membership) =>
        membership == MembershipKind.Probationary ? RosterTexts.Membership_Probationary : RosterTexts.Membership_Official;

    public static string DisciplineName(DisciplineSeverity severity) => severity switch
    {
        DisciplineSeverity.Reprimand => RosterTexts.Discipline_Reprimand,
        DisciplineSeverity.Warning => RosterTexts.Discipline_Warning,
        DisciplineSeverity.Dismissal => RosterTexts.Discipline_Dismissal,
        _ => RosterTexts.Discipline_Expulsion,
    };

    public static string Answer(bool yes) => yes ? RosterTexts.Yes : RosterTexts.No;
}
