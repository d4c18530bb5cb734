using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace KiemDiemBot.Core.Roster.Files;

/// <summary>Writes roster sheets into an .xlsx workbook: bold, frozen headers; dates as dd/mm/yyyy date cells.</summary>
internal static class RosterWorkbookWriter
{
    private const double DefaultWidth = 22;

    public static async Task WriteAsync(Stream stream, IReadOnlyList<RosterSheetData> sheets, CancellationToken cancellationToken)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken);
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("dd/mm/yyyy") });
        var wrapped = spreadsheet.AddStyle(new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Top } });
        foreach (var sheet in sheets)
        {
            var options = new WorksheetOptions { FrozenRows = 1 };
            for (var i = 0; i < sheet.Headers.Count; i++)
            {
                options.Column(i + 1).Width = sheet.ColumnWidths is { } widths && i < widths.Count ? widths[i] : DefaultWidth;
            }
            await spreadsheet.StartWorksheetAsync(sheet.Name, options, cancellationToken);
            await spreadsheet.AddHeaderRowAsync([.. sheet.Headers], header, cancellationToken);
            var wrap = sheet.ColumnWidths is not null;
            foreach (var row in sheet.Rows)
            {
                var cells = new Cell[row.Count];
                for (var i = 0; i < row.Count; i++)
                {
                    cells[i] = row[i].Date is { } day
                        ? new Cell(day.ToDateTime(TimeOnly.MinValue), date)
                        : wrap ? new Cell(row[i].Text, wrapped) : new Cell(row[i].Text);
                }
                await spreadsheet.AddRowAsync(cells, cancellationToken);
            }
        }
        await spreadsheet.FinishAsync(cancellationToken);
    }
}
