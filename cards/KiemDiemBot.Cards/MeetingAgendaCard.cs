using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>Read-only: the agenda of a review meeting in the rule order (collective first, leaders first), each review with its chairs.</summary>
public static class MeetingAgendaCard
{
    public static JsonObject Build(MeetingAgendaCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Title(string.Format(CultureInfo.InvariantCulture, MeetingCardTexts.AgendaTitle, input.BodyName)),
            CardElements.Paragraph(MeetingCardElements.When(input.StartDate, input.StartTime)));
        foreach (var element in MeetingCardElements.Agenda(input.Agenda))
        {
            body.Add(element);
        }
        return AdaptiveCardDocument.Create(body, []);
    }
}
