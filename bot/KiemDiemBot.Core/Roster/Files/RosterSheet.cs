namespace KiemDiemBot.Core.Roster.Files;

/// <summary>A sheet (or CSV file) as text: its name as errors cite it, and its non-empty rows, the header first.</summary>
internal sealed record RosterSheet(string Name, IReadOnlyList<RosterRow> Rows);
