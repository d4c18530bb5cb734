using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The comments (góp ý) on a meeting's draft report collected in one card, in the chair's personal chat: posted when
/// the draft goes out and updated in place as comments arrive, each with its author and time. No button.
/// </summary>
public static class DraftCommentsCard
{
    public static JsonObject Build(DraftCommentsCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, DraftCirculationCardTexts.CommentsTitle, input.BodyName)),
            CardElements.Paragraph(string.Format(culture, DraftCirculationCardTexts.MeetingAt,
                SecretaryCardElements.FormatTime(input.MeetingTime), SecretaryCardElements.FormatDate(input.MeetingDate))));
        if (input.Comments.Count == 0)
        {
            body.Add(CardElements.Paragraph(DraftCirculationCardTexts.CommentsNone));
        }
        else
        {
            body.Add(CardElements.Heading(string.Format(culture, DraftCirculationCardTexts.CommentsCount, input.Comments.Count, input.Participants)));
            for (var i = 0; i < input.Comments.Count; i++)
            {
                var comment = input.Comments[i];
                body.Add(new JsonObject
                {
                    ["type"] = "Container",
                    ["separator"] = true,
                    ["items"] = new JsonArray(
                        new JsonObject { ["type"] = "TextBlock", ["text"] = CardElements.Numbered(i + 1, comment.Name), ["weight"] = "Bolder", ["wrap"] = true },
                        SecretaryCardElements.SmallNote(string.Format(culture, DraftCirculationCardTexts.CommentAt,
                            comment.ReceivedAt.ToString("HH:mm", culture), comment.ReceivedAt.ToString("dd/MM/yyyy", culture))),
                        CardElements.Paragraph(comment.Text)),
                });
            }
        }
        body.Add(CardElements.Note(DraftCirculationCardTexts.CommentsNote));
        return AdaptiveCardDocument.Create(body, []);
    }
}
