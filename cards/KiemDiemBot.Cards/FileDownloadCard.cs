using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The local chat's way of handing over a file: a link to download it from this host, valid for a few
/// minutes, and a button that asks for a new link (the export verb) once it has expired.
/// </summary>
public static class FileDownloadCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(FileDownloadCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.FileName);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.ValidMinutes, 1);
        var body = new JsonArray(
            CardElements.Title(string.Format(CultureInfo.CurrentCulture, FileTexts.DownloadTitle, input.Year)),
            CardElements.Paragraph(string.Format(CultureInfo.CurrentCulture, FileTexts.DownloadMessage, input.FileName)),
            CardElements.Note(string.Format(CultureInfo.CurrentCulture, FileTexts.DownloadExpiry, input.ValidMinutes)));
        var actions = new JsonArray(
            CardActions.OpenUrl(FileTexts.DownloadButton, input.DownloadUrl),
            CardActions.Submit(FileTexts.NewLinkButton, CardVerbs.ExportSelfReview, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
