using System.Globalization;

namespace KiemDiemBot.Core.Roster.Files;

/// <summary>A value to write into a roster sheet: text, or a date (a real date cell in a workbook).</summary>
internal readonly record struct RosterCellValue(string Text, DateOnly? Date)
{
    public static implicit operator RosterCellValue(string? text) => new(text ?? string.Empty, null);

    public static implicit operator RosterCellValue(DateOnly date) => new(string.Empty, date);

    public static implicit operator RosterCellValue(DateOnly? date) => new(string.Empty, date);

    /// <summary>As written into a CSV file: dates the Vietnamese way, dd/MM/yyyy.</summary>
    public override string ToString() =>
        Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? Text;
}
