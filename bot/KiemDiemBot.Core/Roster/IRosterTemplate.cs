namespace KiemDiemBot.Core.Roster;

/// <summary>The empty roster workbook: the three tables with an example row each, and a sheet explaining every column.</summary>
public interface IRosterTemplate
{
    Task WriteAsync(string path, CancellationToken cancellationToken);
}
