using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Roster.Files;

/// <summary>Reads a roster from an .xlsx workbook or from a folder of CSV files.</summary>
internal static class RosterFileReader
{
    public static RosterWorkbook Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            return CsvRosterReader.ReadFolder(path);
        }
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return RosterWorkbook.Unreadable(new RosterError(path, 0, RosterTexts.Error_PathNotFound));
        }
        if (!string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return RosterWorkbook.Unreadable(new RosterError(name, 0, RosterTexts.Error_UnsupportedFile));
        }
        using var stream = File.OpenRead(path);
        return XlsxRosterReader.Read(stream, name);
    }
}
