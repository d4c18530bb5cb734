using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Replaces Teams' file consent card for a ballot paper once the secretary has answered it: sent (no button), or
/// not sent (declined, or the upload failed) with a button that offers the paper again.
/// </summary>
public static class BallotPaperOfferResultCard
{
    public static JsonObject Build(BallotPaperOfferResultCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var paper = input.Request.Title.ToLower(CultureInfo.CurrentCulture);
        var (title, message) = input.Result switch
        {
            FileOfferResult.Sent => (BallotPaperTexts.Sent_Title, BallotPaperTexts.Sent_Message),
            FileOfferResult.Declined => (BallotPaperTexts.Declined_Title, BallotPaperTexts.Declined_Message),
            FileOfferResult.UploadFailed => (BallotPaperTexts.UploadFailed_Title, BallotPaperTexts.UploadFailed_Message),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Result, "Unknown file offer result."),
        };
        var body = new JsonArray(
            CardElements.Title(string.Format(CultureInfo.CurrentCulture, title, paper)),
            CardElements.Paragraph(string.Format(CultureInfo.CurrentCulture, message, paper)));
        if (input.Result == FileOfferResult.Sent)
        {
            return AdaptiveCardDocument.Create(body, []);
        }
        return AdaptiveCardDocument.Create(body, new JsonArray(input.Request.Button(BallotPaperTexts.Again_Button)));
    }
}
