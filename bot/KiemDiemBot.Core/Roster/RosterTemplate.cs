using System.Globalization;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Roster.Import;
using KiemDiemBot.Core.Rules.Eligibility;

namespace KiemDiemBot.Core.Roster;

/// <summary>
/// The roster template: ToChuc, DangVien and ChucVu with their headers and one filled example row
/// each (a grassroots cell, a member of it, the member as its secretary), then a guide sheet explaining
/// every column in Vietnamese. The example rows' codes start with <see cref="RosterCodes.ExamplePrefix"/>,
/// which the guide explains and import refuses, so an example never lands in real data.
/// </summary>
internal sealed class RosterTemplate : IRosterTemplate
{
    public const string ExampleCellCode = RosterCodes.ExamplePrefix + "CB01";
    public const string ExampleMemberCode = RosterCodes.ExamplePrefix + "DV0001";
    public const string ExampleEmail = "an.nguyen@donvi.gov.vn";

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await using var stream = File.Create(path);
        await WriteAsync(stream, cancellationToken);
    }

    public static Task WriteAsync(Stream stream, CancellationToken cancellationToken) =>
        RosterWorkbookWriter.WriteAsync(stream, [.. ExampleSheets(), GuideSheet()], cancellationToken);

    /// <summary>The three tables with their example rows.</summary>
    public static IReadOnlyList<RosterSheetData> ExampleSheets() =>
    [
        Sheet(RosterTable.Organisations,
            [[ExampleCellCode, RosterTexts.Example_OrganisationName, OrganisationKind.GrassrootsCell.DisplayName(), string.Empty]]),
        Sheet(RosterTable.Members,
        [[
            ExampleMemberCode, RosterTexts.Example_MemberName, ExampleEmail, new DateOnly(1985, 5, 19), ExampleCellCode, string.Empty,
            RosterWords.MembershipName(MembershipKind.Official), new DateOnly(2010, 9, 2), RosterWords.StatusName(MemberStatus.Active),
            string.Empty, RosterWords.Answer(false), RosterWords.Answer(true), RosterWords.Answer(false),
        ]]),
        Sheet(RosterTable.Positions, [[ExampleMemberCode, ExampleCellCode, PositionTitle.Secretary.DisplayName()]]),
    ];

    /// <summary>A table's sheet with the given rows, in the schema's column order.</summary>
    public static RosterSheetData Sheet(RosterTable table, IReadOnlyList<IReadOnlyList<RosterCellValue>> rows) =>
        new(RosterSchema.SheetName(table), [.. RosterSchema.Columns(table).Select(c => c.Header)], rows);

    private static RosterSheetData GuideSheet()
    {
        var rows = new List<IReadOnlyList<RosterCellValue>>();
        foreach (var note in new[]
        {
            string.Format(CultureInfo.GetCultureInfo("vi-VN"), RosterTexts.Help_General_Example, RosterCodes.ExamplePrefix),
            RosterTexts.Help_General_Validation, RosterTexts.Help_General_Reimport, RosterTexts.Help_General_Dates,
            RosterTexts.Help_General_Matching, RosterTexts.Help_General_Csv,
        })
        {
            rows.Add([RosterTexts.Help_General, string.Empty, string.Empty, note]);
        }
        foreach (var table in RosterSchema.Tables)
        {
            foreach (var column in RosterSchema.Columns(table))
            {
                rows.Add([RosterSchema.SheetName(table), column.Header, RosterWords.Answer(column.Required), Help(column)]);
            }
        }
        return new RosterSheetData(
            RosterTexts.Help_GuideSheet,
            [RosterTexts.Help_Header_Table, RosterTexts.Help_Header_Column, RosterTexts.Help_Header_Required, RosterTexts.Help_Header_Explanation],
            rows,
            [12, 22, 10, 110]);
    }

    private static string Help(RosterColumn column)
    {
        var choices = column == RosterSchema.OrganisationKind ? RosterWords.Kinds.Choices
            : column == RosterSchema.MemberStatus ? RosterWords.Statuses.Choices
            : column == RosterSchema.MemberDiscipline ? RosterWords.Disciplines.Choices
            : column == RosterSchema.PositionTitle ? RosterWords.Titles.Choices
            : null;
        return choices is null ? column.Help : string.Format(CultureInfo.GetCultureInfo("vi-VN"), column.Help, choices);
    }
}
