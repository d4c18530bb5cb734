using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Read-only: the meeting of each body after a save (the ones just set or moved marked), then every warning in
/// plain words (a cell meeting on or after its deadline), and how to change a date again.
/// </summary>
public static class MeetingDatesSavedCard
{
    public static JsonObject Build(MeetingDatesSavedCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, SecretaryTexts.MeetingDatesSavedTitle, input.Year)),
            CardElements.Paragraph(input.OrganisationName),
            CardElements.FactSet(input.Meetings.Select(m => (m.Name, Describe(m)))));
        if (input.Warnings.Count > 0)
        {
            body.Add(CardElements.Heading(SecretaryTexts.MeetingWarningsHeading));
            foreach (var warning in input.Warnings)
            {
                body.Add(SecretaryCardElements.Warning(warning));
            }
        }
        body.Add(CardElements.Note(SecretaryTexts.MeetingDatesSavedHint));
        return AdaptiveCardDocument.Create(body, []);
    }

    private static string Describe(SavedMeeting meeting)
    {
        if (meeting.Date is not { } date)
        {
            return SecretaryTexts.MeetingNotSet;
        }
        var when = meeting.Time is { } time
            ? string.Format(CultureInfo.InvariantCulture, SecretaryTexts.MeetingAtFormat, SecretaryCardElements.FormatTime(time), SecretaryCardElements.FormatDate(date))
            : SecretaryCardElements.FormatDate(date);
        return meeting.Changed ? string.Format(CultureInfo.InvariantCulture, SecretaryTexts.MeetingChangedFormat, when) : when;
    }
}
