using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>An .xlsx opened with DocumentFormat.OpenXml: each sheet by name as rows of cell texts (numbers as written, invariant).</summary>
internal sealed class XlsxContent : IDisposable
{
    private readonly MemoryStream stream;
    private readonly SpreadsheetDocument document;

    public XlsxContent(byte[] bytes)
    {
        stream = new MemoryStream(bytes, writable: false);
        document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheets = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = new List<IReadOnlyList<string>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }
                    cells.Add(TextOf(cell, shared));
                }
                rows.Add(cells);
            }
            sheets[sheet.Name!.Value!] = rows;
        }
        SheetNames = [.. sheets.Keys];
        Sheets = sheets;
    }

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Sheets { get; }

    /// <summary>The row whose column <paramref name="column"/> reads <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Row(string sheet, int column, string text) =>
        Assert.Single(Sheets[sheet], r => r.Count > column && r[column] == text);

    /// <summary>What the Open XML SDK's validator finds wrong with the workbook; empty when Excel would open it cleanly.</summary>
    public IReadOnlyList<ValidationErrorInfo> Validate() => [.. new OpenXmlValidator().Validate(document)];

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    private static string TextOf(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }
        return cell.CellValue?.Text ?? string.Empty;
    }

    /// <summary>Zero-based column of a reference like "C7"; null when the cell has none.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            column = (column * 26) + (c - 'A' + 1);
        }
        return column - 1;
    }
}
