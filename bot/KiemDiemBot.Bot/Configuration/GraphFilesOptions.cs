namespace KiemDiemBot.Bot.Configuration;

/// <summary><c>Graph:Files</c>: drafts and exports uploaded to the organisation's SharePoint document library.</summary>
public sealed class GraphFilesOptions
{
    /// <summary>The document library's drive id (a SharePoint site's drive); empty: file upload is off.</summary>
    public string? DriveId { get; set; }

    /// <summary>The folder in that drive under which each organisation gets its own folder.</summary>
    public string Folder { get; set; } = "KiemDiemBot";

    /// <summary>A member's own export (their self-review) goes to their OneDrive instead of the library.</summary>
    public bool PersonalExportsToOneDrive { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(DriveId);

    public IEnumerable<string> Validate(string section)
    {
        if (IsEnabled && (string.IsNullOrWhiteSpace(Folder) || Folder.Contains(':', StringComparison.Ordinal) || Folder.Contains('\\', StringComparison.Ordinal)))
        {
            yield return $"{section}:{nameof(Folder)} must be a folder path such as KiemDiemBot (no ':' or '\\')";
        }
    }
}
