using System.Globalization;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Roster;

/// <summary>The Vietnamese lines that tell a secretary how an import went.</summary>
public static class RosterImportReport
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Every error as "sheet:line: reason" then a closing line; or the counts per table.</summary>
    public static IReadOnlyList<string> Describe(RosterImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(e => e.ToString()), Format(RosterTexts.Report_Failed, result.Errors.Count)];
        }
        var counts = result.Counts;
        return
        [
            RosterTexts.Report_Succeeded,
            Counts(RosterTexts.Report_Organisations, counts.Organisations),
            Counts(RosterTexts.Report_Members, counts.Members),
            counts.Positions is { } positions
                ? Format(RosterTexts.Report_PositionCounts, RosterTexts.Report_Positions, positions.Created, positions.Removed, positions.Unchanged)
                : RosterTexts.Report_PositionsUntouched,
        ];
    }

    private static string Counts(string table, RosterChangeCounts counts) =>
        Format(RosterTexts.Report_Counts, table, counts.Created, counts.Updated, counts.Unchanged);

    private static string Format(string format, params object[] arguments) => string.Format(Vietnamese, format, arguments);
}
