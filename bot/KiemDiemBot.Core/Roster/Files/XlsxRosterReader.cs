using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Roster.Files;

/// <summary>
/// Reads every sheet of an .xlsx workbook as text. Shared, inline and formula strings are read as
/// written; a number in a date format (a date cell) becomes yyyy-MM-dd; other numbers are written
/// without a trailing ".0"; TRUE and FALSE become "true" and "false".
/// </summary>
internal static class XlsxRosterReader
{
    public static RosterWorkbook Read(Stream stream, string fileName)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return RosterWorkbook.Unreadable(new RosterError(fileName, 0, RosterTexts.Error_UnreadableWorkbook));
        }
        using (document)
        {
            var workbookPart = document.WorkbookPart;
            if (workbookPart?.Workbook.Sheets is not { } sheetList)
            {
                return RosterWorkbook.Unreadable(new RosterError(fileName, 0, RosterTexts.Error_UnreadableWorkbook));
            }
            var sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable?
                .Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
            var sheets = new List<RosterSheet>();
            foreach (var sheet in sheetList.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } partId || workbookPart.GetPartById(partId) is not WorksheetPart worksheetPart)
                {
                    continue;
                }
                sheets.Add(new RosterSheet(sheet.Name?.Value ?? partId, ReadRows(worksheetPart, sharedStrings, dateStyles)));
            }
            return new RosterWorkbook(sheets, []);
        }
    }

    /// <summary>Streams the sheet row by row (a whole-sheet DOM of 10,000 rows takes seconds to build).</summary>
    private static List<RosterRow> ReadRows(WorksheetPart part, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        var rows = new List<RosterRow>();
        var lastLine = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var line = row.RowIndex?.Value is { } index ? (int)index : lastLine + 1;
            lastLine = line;
            var cells = ReadCells(row, sharedStrings, dateStyles);
            if (cells.Exists(c => !string.IsNullOrWhiteSpace(c)))
            {
                rows.Add(new RosterRow(line, cells));
            }
        }
        return rows;
    }

    private static List<string> ReadCells(Row row, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        var cells = new List<string>();
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }
            var text = CellText(cell, sharedStrings, dateStyles);
            if (column < cells.Count)
            {
                cells[column] = text;
            }
            else
            {
                cells.Add(text);
            }
            position = column + 1;
        }
        return cells;
    }

    private static string CellText(Cell cell, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }
        if (value is null)
        {
            return string.Empty;
        }
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Length
                ? sharedStrings[index]
                : string.Empty;
        }
        if (type == CellValues.Boolean)
        {
            return value == "1" ? "true" : "false";
        }
        if (type == CellValues.Date)
        {
            return value.Length >= 10 ? value[..10] : value;
        }
        if (type is null || type == CellValues.Number)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return value;
            }
            if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is >= 1 and < 2958466)
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            return number.ToString("R", CultureInfo.InvariantCulture);
        }
        return value;
    }

    /// <summary>The zero-based column of a reference such as "C7".</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            column = (column * 26) + (c - 'A' + 1);
        }
        return column - 1;
    }

    /// <summary>The cell formats whose number format shows a date: built-in 14 to 22 and 45 to 47, or a custom format with days or years.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var customDates = new HashSet<uint>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && IsDateFormat(format.FormatCode?.Value))
            {
                customDates.Add(id);
            }
        }
        var styles = new HashSet<uint>();
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(id))
            {
                styles.Add((uint)i);
            }
        }
        return styles;
    }

    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (inQuotes)
            {
                continue;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '[')
            {
                inBrackets = true;
            }
            else if (c == ']')
            {
                inBrackets = false;
            }
            else if (!inBrackets && c is 'd' or 'D' or 'y' or 'Y')
            {
                return true;
            }
        }
        return false;
    }
}
