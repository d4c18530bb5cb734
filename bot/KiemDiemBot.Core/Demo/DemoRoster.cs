using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Roster.Import;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Demo;

/// <summary>
/// The demo organisation as a roster: a grassroots committee under a bloc committee, its executive
/// committee and agency leadership, two cells and fifteen members covering the special cases
/// (a leader with three posts, a probationary member, a new member, a temporary member, an exempt
/// member, a disciplined member, long sick leave). Dates that must stay recent follow today.
/// </summary>
internal static class DemoRoster
{
    private const string Superior = "DEMO-KHOI";
    private const string SuperiorExecutive = "DEMO-KHOI-BCH";
    private const string GrassrootsExecutive = "DEMO-DB-BCH";
    private const string Leadership = "DEMO-LD";
    private const string Office = DemoOrganisation.OfficeCellCode;
    private const string Technology = DemoOrganisation.TechnologyCellCode;

    public static RosterWorkbook Build(DateOnly today)
    {
        var sheets = new[]
        {
            RosterTemplate.Sheet(RosterTable.Organisations, Organisations()),
            RosterTemplate.Sheet(RosterTable.Members, Members(today)),
            RosterTemplate.Sheet(RosterTable.Positions, Positions()),
        };
        return new RosterWorkbook([.. sheets.Select(sheet => sheet.ToSheet())], []);
    }

    private static List<IReadOnlyList<RosterCellValue>> Organisations() =>
    [
        Organisation(Superior, DemoTexts.Organisation_Superior, OrganisationKind.SuperiorCommittee, null),
        Organisation(SuperiorExecutive, DemoTexts.Organisation_SuperiorExecutive, OrganisationKind.ExecutiveCommittee, Superior),
        Organisation(DemoOrganisation.GrassrootsCode, DemoTexts.Organisation_Grassroots, OrganisationKind.GrassrootsCommittee, Superior),
        Organisation(GrassrootsExecutive, DemoTexts.Organisation_GrassrootsExecutive, OrganisationKind.ExecutiveCommittee, DemoOrganisation.GrassrootsCode),
        Organisation(Leadership, DemoTexts.Organisation_Leadership, OrganisationKind.AgencyLeadership, DemoOrganisation.GrassrootsCode),
        Organisation(Office, DemoTexts.Organisation_OfficeCell, OrganisationKind.AffiliatedCell, DemoOrganisation.GrassrootsCode),
        Organisation(Technology, DemoTexts.Organisation_TechnologyCell, OrganisationKind.AffiliatedCell, DemoOrganisation.GrassrootsCode),
    ];

    private static List<IReadOnlyList<RosterCellValue>> Members(DateOnly today)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        var disciplinedOn = today.AddDays(-30) < yearStart ? yearStart : today.AddDays(-30);
        return
        [
            Member("DEMO-001", DemoTexts.Member_Hung, "hung.nguyen", new(1972, 3, 12), Office, new(1998, 5, 19)),
            Member("DEMO-002", DemoTexts.Member_Mai, "mai.tran", new(1976, 8, 2), Technology, new(2003, 2, 3)),
            Member("DEMO-003", DemoTexts.Member_Huong, "huong.pham", new(1980, 11, 23), Office, new(2006, 9, 2)),
            Member("DEMO-004", DemoTexts.Member_Nam, "nam.hoang", new(1983, 1, 15), Office, new(2009, 3, 26)),
            Member("DEMO-005", DemoTexts.Member_Trang, "trang.do", new(1996, 6, 9), Office, today.AddMonths(-8), MembershipKind.Probationary),
            Member("DEMO-006", DemoTexts.Member_Ngoc, "ngoc.ngo", new(1990, 4, 30), Office, new(2015, 5, 19), temporaryCell: Technology),
            Member("DEMO-007", DemoTexts.Member_Thanh, "thanh.dang", new(1958, 10, 10), Office, new(1980, 12, 22), status: MemberStatus.ExemptFromWorkAndActivities, civilServant: false),
            Member("DEMO-008", DemoTexts.Member_Long, "long.phan", new(1985, 7, 7), Office, new(2012, 2, 3), discipline: (DisciplineSeverity.Reprimand, disciplinedOn)),
            Member("DEMO-009", DemoTexts.Member_Tuan, "tuan.le", new(1982, 12, 1), Technology, new(2008, 8, 19)),
            Member("DEMO-010", DemoTexts.Member_Lan, "lan.vu", new(1987, 2, 14), Technology, new(2013, 10, 20)),
            Member("DEMO-011", DemoTexts.Member_Huy, "huy.bui", new(1999, 9, 9), Technology, today.AddMonths(-2), MembershipKind.Probationary),
            Member("DEMO-012", DemoTexts.Member_Ha, "ha.trinh", new(1979, 5, 5), Technology, new(2004, 3, 8), longSickLeave: true),
            Member("DEMO-013", DemoTexts.Member_Khoa, "khoa.duong", new(1991, 11, 11), Technology, new(2017, 7, 27)),
            Member("DEMO-014", DemoTexts.Member_Hong, "hong.ly", new(1988, 3, 8), Technology, new(2014, 1, 9)),
            Member("DEMO-015", DemoTexts.Member_Phuc, "phuc.mai", new(1993, 8, 25), Technology, new(2019, 9, 2), civilServant: false),
        ];
    }

    private static List<IReadOnlyList<RosterCellValue>> Positions() =>
    [
        Position("DEMO-001", GrassrootsExecutive, PositionTitle.Secretary),
        Position("DEMO-001", Leadership, PositionTitle.AgencyHead),
        Position("DEMO-001", SuperiorExecutive, PositionTitle.ExecutiveCommitteeMember),
        Position("DEMO-002", GrassrootsExecutive, PositionTitle.DeputySecretary),
        Position("DEMO-002", Leadership, PositionTitle.AgencyDeputyHead),
        Position("DEMO-003", Office, PositionTitle.Secretary),
        Position("DEMO-003", GrassrootsExecutive, PositionTitle.ExecutiveCommitteeMember),
        Position("DEMO-004", Office, PositionTitle.DeputySecretary),
        Position("DEMO-009", Technology, PositionTitle.Secretary),
        Position("DEMO-009", GrassrootsExecutive, PositionTitle.ExecutiveCommitteeMember),
        Position("DEMO-010", Technology, PositionTitle.DeputySecretary),
    ];

    private static IReadOnlyList<RosterCellValue> Organisation(string code, string name, OrganisationKind kind, string? parent) =>
        [code, name, kind.DisplayName(), parent];

    private static IReadOnlyList<RosterCellValue> Member(
        string code,
        string name,
        string mailbox,
        DateOnly born,
        string cell,
        DateOnly admitted,
        MembershipKind membership = MembershipKind.Official,
        string? temporaryCell = null,
        MemberStatus status = MemberStatus.Active,
        (DisciplineSeverity Severity, DateOnly On)? discipline = null,
        bool longSickLeave = false,
        bool civilServant = true) =>
    [
        code, name, mailbox + "@" + DemoOrganisation.EmailDomain, born, cell, temporaryCell,
        RosterWords.MembershipName(membership), admitted, RosterWords.StatusName(status),
        discipline is { } d ? RosterWords.DisciplineName(d.Severity) + " " + RosterValues.Format(d.On) : null,
        RosterWords.Answer(longSickLeave), RosterWords.Answer(civilServant), RosterWords.Answer(false),
    ];

    private static IReadOnlyList<RosterCellValue> Position(string member, string body, PositionTitle title) =>
        [member, body, title.DisplayName()];
}
