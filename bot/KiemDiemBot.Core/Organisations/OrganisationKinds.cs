using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Organisations;

/// <summary>What each kind of organisation is, where it may sit in the tree, and its Vietnamese name.</summary>
public static class OrganisationKinds
{
    public static bool IsLeadershipCollective(this OrganisationKind kind) => kind is
        OrganisationKind.ExecutiveCommittee
        or OrganisationKind.StandingCommittee
        or OrganisationKind.CellCommittee
        or OrganisationKind.AgencyLeadership
        or OrganisationKind.PartyDelegation;

    /// <summary>A cell (chi bộ) members belong to: a grassroots cell or a cell under a committee.</summary>
    public static bool IsCell(this OrganisationKind kind) =>
        kind is OrganisationKind.GrassrootsCell or OrganisationKind.AffiliatedCell;

    /// <summary>A grassroots party organisation (tổ chức cơ sở đảng): the HTXSNV cap group for members under HD21.</summary>
    public static bool IsGrassroots(this OrganisationKind kind) =>
        kind is OrganisationKind.GrassrootsCommittee or OrganisationKind.GrassrootsCell;

    /// <summary>
    /// Whether an organisation of <paramref name="kind"/> may sit under one of <paramref name="parentKind"/>
    /// (null: at the top of the tree). A collective always hangs under the party organisation it leads.
    /// </summary>
    public static bool CanSitUnder(this OrganisationKind kind, OrganisationKind? parentKind) => kind switch
    {
        OrganisationKind.SuperiorCommittee => parentKind is null or OrganisationKind.SuperiorCommittee,
        OrganisationKind.GrassrootsCommittee or OrganisationKind.GrassrootsCell =>
            parentKind is null or OrganisationKind.SuperiorCommittee,
        OrganisationKind.SubCommittee => parentKind is OrganisationKind.GrassrootsCommittee,
        OrganisationKind.AffiliatedCell => parentKind is OrganisationKind.GrassrootsCommittee or OrganisationKind.SubCommittee,
        OrganisationKind.PartyGroup => parentKind is { } cell && cell.IsCell(),
        OrganisationKind.StandingCommittee => parentKind is OrganisationKind.SuperiorCommittee or OrganisationKind.GrassrootsCommittee,
        OrganisationKind.CellCommittee => parentKind is { } cell && cell.IsCell(),
        OrganisationKind.ExecutiveCommittee or OrganisationKind.AgencyLeadership or OrganisationKind.PartyDelegation =>
            parentKind is { } led && !led.IsLeadershipCollective() && led != OrganisationKind.PartyGroup,
        _ => false,
    };

    /// <summary>The Vietnamese name, e.g. "Chi bộ trực thuộc".</summary>
    public static string DisplayName(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.SuperiorCommittee => RosterTexts.Kind_SuperiorCommittee,
        OrganisationKind.GrassrootsCommittee => RosterTexts.Kind_GrassrootsCommittee,
        OrganisationKind.GrassrootsCell => RosterTexts.Kind_GrassrootsCell,
        OrganisationKind.SubCommittee => RosterTexts.Kind_SubCommittee,
        OrganisationKind.AffiliatedCell => RosterTexts.Kind_AffiliatedCell,
        OrganisationKind.PartyGroup => RosterTexts.Kind_PartyGroup,
        OrganisationKind.ExecutiveCommittee => RosterTexts.Kind_ExecutiveCommittee,
        OrganisationKind.StandingCommittee => RosterTexts.Kind_StandingCommittee,
        OrganisationKind.CellCommittee => RosterTexts.Kind_CellCommittee,
        OrganisationKind.AgencyLeadership => RosterTexts.Kind_AgencyLeadership,
        OrganisationKind.PartyDelegation => RosterTexts.Kind_PartyDelegation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
