using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A flow step: one form for the review meeting of a body, from the chat that will be the meeting chat: the date and
/// start time, the end date and time (Asia/Ho_Chi_Minh), the participants from the roster (all ticked by default), the
/// co-chairs, a link to the draft collective report (a card cannot carry a file), and, when the superior gave review
/// suggestions, whether its standing committee approved the draft. The flow engine stamps the flow data on the button.
/// </summary>
public static class MeetingScheduleCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public const string StartDateInput = "startDate";
    public const string StartTimeInput = "startTime";
    public const string EndDateInput = "endDate";
    public const string EndTimeInput = "endTime";
    public const string ParticipantsInput = "participants";
    public const string CoChairsInput = "coChairs";
    public const string DraftUrlInput = "draftUrl";
    public const string DraftApprovedInput = "draftApproved";

    /// <summary>How a multi-select sends its choices: their values joined by commas.</summary>
    public const char ChoiceSeparator = ',';

    public static JsonObject Build(MeetingScheduleCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        foreach (var person in input.Roster)
        {
            if (person.Key.Length == 0 || !person.Key.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException($"The member key '{person.Key}' must be letters and digits.", nameof(input));
            }
        }
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, input.IsMove ? MeetingCardTexts.MoveTitle : MeetingCardTexts.ScheduleTitle, input.Year)),
            CardElements.Paragraph(string.Format(culture, MeetingCardTexts.ScheduleIntro, input.BodyName)));
        foreach (var error in input.Errors)
        {
            body.Add(CardElements.Error(error));
        }
        body.Add(SecretaryCardElements.Columns(
            SecretaryCardElements.DateInput(StartDateInput, MeetingCardTexts.StartDateLabel, input.StartDate, isRequired: true),
            SecretaryCardElements.TimeInput(StartTimeInput, MeetingCardTexts.StartTimeLabel, input.StartTime)));
        body.Add(SecretaryCardElements.Columns(
            SecretaryCardElements.DateInput(EndDateInput, MeetingCardTexts.EndDateLabel, input.EndDate, isRequired: true),
            SecretaryCardElements.TimeInput(EndTimeInput, MeetingCardTexts.EndTimeLabel, input.EndTime)));
        body.Add(SecretaryCardElements.SmallNote(MeetingCardTexts.TimeZoneNote));
        body.Add(MultiSelect(ParticipantsInput, MeetingCardTexts.ParticipantsLabel, input.Roster, input.ParticipantKeys));
        body.Add(MultiSelect(CoChairsInput, MeetingCardTexts.CoChairsLabel, input.Roster, input.CoChairKeys));
        var url = CardElements.TextInput(DraftUrlInput, input.DraftReportUrl, MeetingCardTexts.DraftUrlPlaceholder, isMultiline: false);
        url["label"] = MeetingCardTexts.DraftUrlLabel;
        url["style"] = "Url";
        body.Add(url);
        body.Add(SecretaryCardElements.SmallNote(MeetingCardTexts.DraftUrlNote));
        if (input.AsksDraftApproval)
        {
            body.Add(CardElements.Note(MeetingCardTexts.DraftApprovalNote));
            body.Add(new JsonObject
            {
                ["type"] = "Input.Toggle",
                ["id"] = DraftApprovedInput,
                ["title"] = MeetingCardTexts.DraftApprovedLabel,
                ["value"] = input.DraftApproved ? "true" : "false",
                ["valueOn"] = "true",
                ["valueOff"] = "false",
            });
        }
        var actions = new JsonArray(
            CardActions.Submit(MeetingCardTexts.ScheduleSubmitButton, CardVerbs.FlowSubmit, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }

    /// <summary>The keys a multi-select submitted.</summary>
    public static IReadOnlyList<string> SplitChoices(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : [.. value.Split(ChoiceSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static JsonObject MultiSelect(string id, string label, IReadOnlyList<MeetingPersonChoice> roster, IReadOnlyList<string> selected)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["isMultiSelect"] = true,
            ["style"] = "expanded",
            ["choices"] = new JsonArray([.. roster.Select(p => (JsonNode)new JsonObject { ["title"] = Title(p), ["value"] = p.Key })]),
        };
        if (selected.Count > 0)
        {
            input["value"] = string.Join(ChoiceSeparator, selected);
        }
        return input;
    }

    private static string Title(MeetingPersonChoice person) => person.Note switch
    {
        MeetingPersonNote.Probationary => string.Format(CultureInfo.InvariantCulture, MeetingCardTexts.ChoiceProbationary, person.Name),
        MeetingPersonNote.Exempt => string.Format(CultureInfo.InvariantCulture, MeetingCardTexts.ChoiceExempt, person.Name),
        _ => person.Name,
    };
}
