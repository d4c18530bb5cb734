using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// To a body's secretaries about their review meeting's calendar event: the participants who have no e-mail
/// address (so no invitation reached them), or that Microsoft 365 refused the event or its chat (with the short
/// technical reason for the administrator), so nothing more is tried until the meeting changes. No buttons.
/// </summary>
public static class MeetingCalendarNoticeCard
{
    /// <summary>Raise when the card's meaning changes (it has no buttons, so no submit to recognise).</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(MeetingCalendarNoticeCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var when = input.StartsAt.ToString("HH:mm dd/MM/yyyy", culture);
        var body = new JsonArray(CardElements.Title(MeetingCalendarCardTexts.Title), CardElements.Paragraph(string.Format(culture, MeetingCalendarCardTexts.Meeting, input.BodyName, when)));
        if (input.Error is { } error)
        {
            body.Add(CardElements.Paragraph(MeetingCalendarCardTexts.Refused));
            body.Add(CardElements.Note(string.Format(culture, MeetingCalendarCardTexts.RefusedReason, error)));
            body.Add(CardElements.Paragraph(MeetingCalendarCardTexts.RefusedWhatToDo));
        }
        else
        {
            body.Add(CardElements.Paragraph(string.Format(culture, MeetingCalendarCardTexts.WithoutEmailIntro, input.WithoutEmail.Count)));
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = string.Join("\r", input.WithoutEmail.Select((name, i) => CardElements.Numbered(i + 1, name))),
                ["wrap"] = true,
            });
            body.Add(CardElements.Paragraph(MeetingCalendarCardTexts.WithoutEmailWhatToDo));
        }
        return AdaptiveCardDocument.Create(body, []);
    }
}
