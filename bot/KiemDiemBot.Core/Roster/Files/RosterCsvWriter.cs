using System.Text;

namespace KiemDiemBot.Core.Roster.Files;

/// <summary>Writes roster sheets as UTF-8 CSV files (with a byte order mark, so Excel reads the diacritics), one per sheet.</summary>
internal static class RosterCsvWriter
{
    private static readonly UTF8Encoding Utf8WithMark = new(encoderShouldEmitUTF8Identifier: true);

    public static async Task WriteFolderAsync(string folder, IReadOnlyList<RosterSheetData> sheets, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        foreach (var sheet in sheets)
        {
            var text = new StringBuilder();
            AppendLine(text, sheet.Headers);
            foreach (var row in sheet.Rows)
            {
                AppendLine(text, row.Select(cell => cell.ToString()));
            }
            await File.WriteAllTextAsync(Path.Combine(folder, sheet.Name + ".csv"), text.ToString(), Utf8WithMark, cancellationToken);
        }
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }
            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }
        text.Append("\r\n");
    }
}
