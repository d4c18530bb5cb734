namespace KiemDiemBot.Core.Roster;

/// <summary>
/// Imports the roster (organisations, members, posts) from an .xlsx workbook or a folder of UTF-8
/// CSV files. Everything is checked first; with any error nothing is imported. A clean roster is
/// imported in one transaction, updating rows by their code and never duplicating them.
/// </summary>
public interface IRosterImporter
{
    Task<RosterImportResult> ImportAsync(string path, CancellationToken cancellationToken);
}
