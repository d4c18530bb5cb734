using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The link to an export saved in the organisation's SharePoint folder (or the member's OneDrive): what it is,
/// where it is, that only the people it is shared with can open it, how many they are, and a link that opens it.
/// </summary>
public static class SharedFileLinkCard
{
    public static JsonObject Build(SharedFileLinkCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var name = input.Document switch
        {
            SharedFileDocument.Minutes => SharedFileTexts.MinutesName,
            SharedFileDocument.RankingList => SharedFileTexts.RankingListName,
            _ => SharedFileTexts.SelfReviewName,
        };
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, SharedFileTexts.LinkTitle, name)),
            CardElements.Paragraph(string.Format(culture, input.InOneDrive ? SharedFileTexts.LinkInOneDrive : SharedFileTexts.LinkInLibrary, input.FileName)),
            // A Markdown link rather than an Action.OpenUrl: the card stays read-only, and Teams and Web Chat open it alike.
            CardElements.Paragraph($"[{SharedFileTexts.OpenButton}]({input.WebUrl.AbsoluteUri})"),
            CardElements.Note(string.Format(culture, SharedFileTexts.SharedWith, input.SharedWith)));
        if (input.Change != SharedFileChange.New)
        {
            body.Add(CardElements.Note(input.Change == SharedFileChange.Unchanged ? SharedFileTexts.Unchanged : SharedFileTexts.Replaced));
        }
        return AdaptiveCardDocument.Create(body, []);
    }

    /// <summary>The line above a file offer while the file is being saved to Microsoft 365.</summary>
    public static string QueuedText => SharedFileTexts.Queued;
}
