using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A flow step: each body of the organisation with a date and a time box for its review meeting (Asia/Ho_Chi_Minh
/// time), its deadline under it, and one button that saves them all. The flow engine stamps the flow data on the button.
/// </summary>
public static class MeetingDatesCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    /// <summary>The id of a body's date input.</summary>
    public static string DateInputId(string key) => "date_" + key;

    /// <summary>The id of a body's time input.</summary>
    public static string TimeInputId(string key) => "time_" + key;

    public static JsonObject Build(MeetingDatesCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, SecretaryTexts.MeetingDatesTitle, input.Year)),
            CardElements.Paragraph(string.Format(culture, SecretaryTexts.MeetingDatesIntro, input.OrganisationName)));
        foreach (var error in input.Errors)
        {
            body.Add(CardElements.Error(error));
        }
        foreach (var field in input.Bodies)
        {
            if (field.Key.Length == 0 || !field.Key.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException($"The body key '{field.Key}' must be letters and digits.", nameof(input));
            }
            List<JsonNode> items =
            [
                CardElements.Heading(field.Name),
                SecretaryCardElements.Columns(
                    SecretaryCardElements.DateInput(DateInputId(field.Key), SecretaryTexts.MeetingDateLabel, field.Date, isRequired: false),
                    SecretaryCardElements.TimeInput(TimeInputId(field.Key), SecretaryTexts.MeetingTimeLabel, field.Time)),
            ];
            if (field.DueBefore is { } due)
            {
                items.Add(SecretaryCardElements.SmallNote(string.Format(culture, SecretaryTexts.MeetingDeadlineNote, SecretaryCardElements.FormatDate(due))));
            }
            body.Add(SecretaryCardElements.Section(items));
        }
        body.Add(CardElements.Note(SecretaryTexts.MeetingDatesHint));
        var actions = new JsonArray(
            CardActions.Submit(SecretaryTexts.MeetingDatesSubmitButton, CardVerbs.FlowSubmit, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
