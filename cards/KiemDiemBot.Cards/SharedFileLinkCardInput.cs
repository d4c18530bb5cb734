namespace KiemDiemBot.Cards;

/// <summary>Which document a shared link is for, as the card names it.</summary>
public enum SharedFileDocument
{
    Minutes,
    RankingList,
    SelfReview,
}

/// <summary>How the upload went: a new file, new content in the same file, or the same bytes as before.</summary>
public enum SharedFileChange
{
    New,
    Replaced,
    Unchanged,
}

/// <summary>A file put in the organisation's SharePoint folder (or the member's OneDrive) and shared by link.</summary>
/// <param name="SharedWith">How many people may read it.</param>
public sealed record SharedFileLinkCardInput(SharedFileDocument Document, string FileName, Uri WebUrl, bool InOneDrive, int SharedWith, SharedFileChange Change);
