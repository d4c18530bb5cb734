namespace KiemDiemBot.Core.Roster.Files;

/// <summary>One non-empty row of a sheet as text, with its line number (1-based, as a spreadsheet shows it).</summary>
internal sealed record RosterRow(int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : string.Empty;
}
