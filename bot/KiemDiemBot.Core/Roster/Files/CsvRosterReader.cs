using System.Text;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Roster.Files;

/// <summary>
/// Reads a folder of UTF-8 CSV files, one per table (ToChuc.csv, DangVien.csv, ChucVu.csv), in the
/// RFC 4180 way: fields in double quotes may hold the separator, quotes ("") and line breaks. The
/// separator is a comma, or a semicolon when the header uses semicolons (Excel in Vietnamese settings).
/// </summary>
internal static class CsvRosterReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RosterWorkbook ReadFolder(string folder)
    {
        var sheets = new List<RosterSheet>();
        var errors = new List<RosterError>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                using var reader = new StreamReader(file, StrictUtf8, detectEncodingFromByteOrderMarks: true);
                sheets.Add(Read(name, reader.ReadToEnd()));
            }
            catch (DecoderFallbackException)
            {
                errors.Add(new RosterError(name, 0, RosterTexts.Error_NotUtf8));
            }
        }
        if (sheets.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RosterError(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), 0, RosterTexts.Error_UnsupportedFile));
        }
        return new RosterWorkbook(sheets, errors);
    }

    public static RosterSheet Read(string name, string text)
    {
        var separator = DetectSeparator(text);
        var rows = new List<RosterRow>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var inQuotes = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (c == separator)
            {
                cells.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                cells.Add(field.ToString());
                AddRow(rows, rowStart, cells);
                cells = [];
                field.Clear();
                fieldStarted = false;
                line++;
                rowStart = line;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }
        if (fieldStarted || field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            AddRow(rows, rowStart, cells);
        }
        return new RosterSheet(name, rows);
    }

    private static void AddRow(List<RosterRow> rows, int line, List<string> cells)
    {
        if (cells.Exists(cell => !string.IsNullOrWhiteSpace(cell)))
        {
            rows.Add(new RosterRow(line, cells));
        }
    }

    /// <summary>A semicolon when the first line has more semicolons than commas outside quotes; otherwise a comma.</summary>
    private static char DetectSeparator(string text)
    {
        var commas = 0;
        var semicolons = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\n' or '\r')
            {
                break;
            }
            else if (!inQuotes && c == ',')
            {
                commas++;
            }
            else if (!inQuotes && c == ';')
            {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
