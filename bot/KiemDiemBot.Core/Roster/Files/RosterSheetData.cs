namespace KiemDiemBot.Core.Roster.Files;

/// <summary>A sheet to write: its name, header row, data rows, and column widths (in characters; missing: default).</summary>
internal sealed record RosterSheetData(
    string Name,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<RosterCellValue>> Rows,
    IReadOnlyList<double>? ColumnWidths = null)
{
    /// <summary>The sheet as an import reads it: the header on line 1, dates written dd/MM/yyyy.</summary>
    public RosterSheet ToSheet() => new(
        Name,
        [
            new RosterRow(1, Headers),
            .. Rows.Select((row, index) => new RosterRow(index + 2, [.. row.Select(cell => cell.ToString())])),
        ]);
}
