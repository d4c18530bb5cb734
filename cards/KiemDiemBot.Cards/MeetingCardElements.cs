using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>What the meeting card and the agenda card share: the agenda as a numbered list with its chairs, and times as people read them.</summary>
internal static class MeetingCardElements
{
    public static IEnumerable<JsonNode> Agenda(IReadOnlyList<MeetingAgendaLine> agenda)
    {
        var culture = CultureInfo.InvariantCulture;
        if (agenda.Count == 0)
        {
            yield return CardElements.Paragraph(MeetingCardTexts.AgendaEmpty);
            yield break;
        }
        for (var i = 0; i < agenda.Count; i++)
        {
            var line = agenda[i];
            var subject = string.Format(culture, line.IsCollective ? MeetingCardTexts.AgendaCollective : MeetingCardTexts.AgendaIndividual, line.Subject);
            var chairs = string.Format(culture, MeetingCardTexts.AgendaChairs,
                line.Chairs.Count == 0 ? MeetingCardTexts.NobodyChairs : string.Join(", ", line.Chairs));
            List<JsonNode> items =
            [
                new JsonObject { ["type"] = "TextBlock", ["text"] = CardElements.Numbered(i + 1, subject), ["wrap"] = true },
                SecretaryCardElements.SmallNote(chairs),
            ];
            if (!string.IsNullOrWhiteSpace(line.Note))
            {
                items.Add(SecretaryCardElements.SmallNote(line.Note));
            }
            yield return new JsonObject { ["type"] = "Container", ["spacing"] = "Small", ["items"] = new JsonArray([.. items]) };
        }
    }

    public static string When(DateOnly? date, TimeOnly? time) =>
        date is { } day && time is { } at
            ? string.Format(CultureInfo.InvariantCulture, MeetingCardTexts.At, SecretaryCardElements.FormatTime(at), SecretaryCardElements.FormatDate(day))
            : MeetingCardTexts.NotSet;
}
