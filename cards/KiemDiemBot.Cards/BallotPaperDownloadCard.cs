using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The local chat's way of handing over a ballot paper (the minutes or the ranking list): a link to download it from
/// this host, valid for a few minutes, and a button that asks for a new link once it has expired.
/// </summary>
public static class BallotPaperDownloadCard
{
    public static JsonObject Build(BallotPaperDownloadCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.FileName);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.ValidMinutes, 1);
        var body = new JsonArray(
            CardElements.Title(input.Request.Title),
            CardElements.Paragraph(string.Format(CultureInfo.CurrentCulture, BallotPaperTexts.Download_Message, input.FileName)),
            CardElements.Note(string.Format(CultureInfo.CurrentCulture, BallotPaperTexts.Download_Expiry, input.ValidMinutes)));
        var actions = new JsonArray(
            CardActions.OpenUrl(BallotPaperTexts.Download_Button, input.DownloadUrl),
            input.Request.Button(BallotPaperTexts.NewLink_Button));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
