using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Replaces Teams' file consent card once the member has answered it, so it cannot be answered twice: the
/// file was sent (no button), or it was not (declined, or the upload failed), with a button that offers it
/// again (the export verb).
/// </summary>
public static class FileOfferResultCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(FileOfferResultCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (title, message) = input.Result switch
        {
            FileOfferResult.Sent => (FileTexts.SentTitle, FileTexts.SentMessage),
            FileOfferResult.Declined => (FileTexts.DeclinedTitle, FileTexts.DeclinedMessage),
            FileOfferResult.UploadFailed => (FileTexts.UploadFailedTitle, FileTexts.UploadFailedMessage),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Result, "Unknown file offer result."),
        };
        var body = new JsonArray(
            CardElements.Title(title),
            CardElements.Paragraph(message));
        if (input.Result == FileOfferResult.Sent)
        {
            return AdaptiveCardDocument.Create(body, []);
        }
        body.Add(CardElements.Note(FileTexts.AgainHint));
        var actions = new JsonArray(
            CardActions.Submit(FileTexts.AgainButton, CardVerbs.ExportSelfReview, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
