using KiemDiemBot.Core.Text;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>The roster's tables and columns, and how sheet and file names find them (ignoring case, diacritics and spaces).</summary>
internal static class RosterSchema
{
    public const string OrganisationSheet = "ToChuc";
    public const string MemberSheet = "DangVien";
    public const string PositionSheet = "ChucVu";

    public static readonly RosterColumn OrganisationCode = new(RosterTable.Organisations, "Organisation_Code", true);
    public static readonly RosterColumn OrganisationName = new(RosterTable.Organisations, "Organisation_Name", true);
    public static readonly RosterColumn OrganisationKind = new(RosterTable.Organisations, "Organisation_Kind", true);
    public static readonly RosterColumn OrganisationParentCode = new(RosterTable.Organisations, "Organisation_ParentCode", false);

    public static readonly RosterColumn MemberCode = new(RosterTable.Members, "Member_Code", true);
    public static readonly RosterColumn MemberFullName = new(RosterTable.Members, "Member_FullName", true);
    public static readonly RosterColumn MemberEmail = new(RosterTable.Members, "Member_Email", false);
    public static readonly RosterColumn MemberDateOfBirth = new(RosterTable.Members, "Member_DateOfBirth", false);
    public static readonly RosterColumn MemberCellCode = new(RosterTable.Members, "Member_CellCode", true);
    public static readonly RosterColumn MemberTemporaryCellCode = new(RosterTable.Members, "Member_TemporaryCellCode", false);
    public static readonly RosterColumn MemberMembership = new(RosterTable.Members, "Member_Membership", true);
    public static readonly RosterColumn MemberAdmittedOn = new(RosterTable.Members, "Member_AdmittedOn", true);
    public static readonly RosterColumn MemberStatus = new(RosterTable.Members, "Member_Status", false);
    public static readonly RosterColumn MemberDiscipline = new(RosterTable.Members, "Member_Discipline", false);
    public static readonly RosterColumn MemberDisciplineAlreadyCounted = new(RosterTable.Members, "Member_DisciplineAlreadyCounted", false);
    public static readonly RosterColumn MemberLongSickLeave = new(RosterTable.Members, "Member_LongSickLeave", false);
    public static readonly RosterColumn MemberCivilServant = new(RosterTable.Members, "Member_CivilServant", false);

    public static readonly RosterColumn PositionMemberCode = new(RosterTable.Positions, "Position_MemberCode", true);
    public static readonly RosterColumn PositionBodyCode = new(RosterTable.Positions, "Position_BodyCode", true);
    public static readonly RosterColumn PositionTitle = new(RosterTable.Positions, "Position_Title", true);

    public static IReadOnlyList<RosterTable> Tables { get; } = [RosterTable.Organisations, RosterTable.Members, RosterTable.Positions];

    public static IReadOnlyList<RosterColumn> Columns(RosterTable table) => table switch
    {
        RosterTable.Organisations => [OrganisationCode, OrganisationName, OrganisationKind, OrganisationParentCode],
        RosterTable.Members =>
        [
            MemberCode, MemberFullName, MemberEmail, MemberDateOfBirth, MemberCellCode, MemberTemporaryCellCode,
            MemberMembership, MemberAdmittedOn, MemberStatus, MemberDiscipline, MemberLongSickLeave, MemberCivilServant, MemberDisciplineAlreadyCounted,
        ],
        RosterTable.Positions => [PositionMemberCode, PositionBodyCode, PositionTitle],
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    public static string SheetName(RosterTable table) => table switch
    {
        RosterTable.Organisations => OrganisationSheet,
        RosterTable.Members => MemberSheet,
        RosterTable.Positions => PositionSheet,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    /// <summary>Whether the table is needed in every roster (ChucVu may be left out: posts then stay as they are).</summary>
    public static bool IsRequired(RosterTable table) => table != RosterTable.Positions;

    /// <summary>The table a sheet or CSV file holds, by its name: "ToChuc", "Tổ chức", "tochuc.csv" all find ToChuc.</summary>
    public static RosterTable? TableOf(string sheetName)
    {
        var name = sheetName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? sheetName[..^4] : sheetName;
        var key = Compact(name);
        foreach (var table in Tables)
        {
            if (key == Compact(SheetName(table)))
            {
                return table;
            }
        }
        return null;
    }

    /// <summary>Folded with the spaces removed, so that "Họ và tên" and "HoVaTen" match.</summary>
    public static string Compact(string text) => VietnameseFolding.Fold(text).Replace(" ", string.Empty, StringComparison.Ordinal);
}
