using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The draft collective report for a participant of a review meeting: the body, the meeting's day and time, the draft
/// (a button that opens its link), the rule (at least three working days before the meeting), and a text box for their
/// comment (góp ý) with "Gửi góp ý" (verb <see cref="CardVerbs.SendDraftComment"/>, the meeting in its data). Shown
/// again after a comment, with the comment in the box and when it was received.
/// </summary>
public static class DraftCirculationCard
{
    /// <summary>Raise when the card's button changes meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    /// <summary>The longest comment the box takes (the bot keeps no more).</summary>
    public const int MaxCommentLength = 4000;

    public static JsonObject Build(DraftCirculationCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, DraftCirculationCardTexts.CirculationTitle, input.BodyName)),
            CardElements.Paragraph(string.Format(culture, DraftCirculationCardTexts.MeetingAt,
                SecretaryCardElements.FormatTime(input.MeetingTime), SecretaryCardElements.FormatDate(input.MeetingDate))),
            CardElements.Paragraph(DraftCirculationCardTexts.CirculationIntro));
        var link = WebLink(input.DraftReportUrl);
        if (link is null)
        {
            body.Add(CardElements.FactSet([(DraftCirculationCardTexts.DraftFact, input.DraftReportUrl)]));
        }
        else
        {
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(CardActions.OpenUrl(DraftCirculationCardTexts.OpenDraftButton, link)),
            });
        }
        body.Add(CardElements.Note(string.Format(culture, DraftCirculationCardTexts.Rule, SecretaryCardElements.FormatDate(input.CirculateBy))));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = CardDataKeys.DraftComment,
            ["label"] = DraftCirculationCardTexts.CommentLabel,
            ["placeholder"] = DraftCirculationCardTexts.CommentPlaceholder,
            ["isMultiline"] = true,
            ["maxLength"] = MaxCommentLength,
            ["spacing"] = "Medium",
        });
        if (!string.IsNullOrEmpty(input.PreviousComment))
        {
            body[^1]!["value"] = input.PreviousComment;
        }
        if (input.SavedAt is { } saved)
        {
            body.Add(SecretaryCardElements.SmallNote(string.Format(culture, DraftCirculationCardTexts.SavedNote,
                saved.ToString("HH:mm", culture), saved.ToString("dd/MM/yyyy", culture))));
        }
        var actions = new JsonArray(SecretaryCardElements.Submit(DraftCirculationCardTexts.SendButton, CardVerbs.SendDraftComment, CardVersion,
            (CardDataKeys.Meeting, input.MeetingId.ToString("D"))));
        return AdaptiveCardDocument.Create(body, actions);
    }

    private static Uri? WebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) ? link : null;
}
