using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A part of the self-review form on one card: labelled text boxes (each with the length limit stated and
/// enforced) and, for a graded part, the four grades as radio buttons; one button saves it. Short labels and
/// wrapped text, for a phone's width. The flow engine stamps the flow data on the button.
/// </summary>
public static class SelfReviewSectionCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(SelfReviewSectionCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.MaxTextLength);
        if (input.Fields.Count == 0 && input.Grade is null)
        {
            throw new ArgumentException("A self-review card asks at least one thing.", nameof(input));
        }
        var body = new JsonArray();
        if (input.Subject is { Length: > 0 } subject)
        {
            body.Add(SelfReviewCardElements.Subject(subject));
        }
        body.Add(CardElements.Title(input.Title));
        if (input.Progress is { Length: > 0 } progress)
        {
            body.Add(SelfReviewCardElements.Progress(progress));
        }
        foreach (var notice in input.Notices)
        {
            body.Add(CardElements.Paragraph(notice));
        }
        if (input.Places.Count > 0)
        {
            body.Add(CardElements.Heading(input.PlacesHeading ?? SelfReviewTexts.PlacesHeading));
            body.Add(NumberedList(input.Places));
        }
        body.Add(CardElements.Paragraph(input.Question));
        SelfReviewCardElements.AddErrors(body, input.Errors);
        foreach (var field in input.Fields)
        {
            body.Add(SelfReviewCardElements.TextInput(field, input.MaxTextLength));
        }
        if (input.Grade is { } grade)
        {
            body.Add(SelfReviewCardElements.ChoiceInput(grade));
        }
        if (input.Fields.Count > 0)
        {
            body.Add(CardElements.Note(string.Format(
                CultureInfo.CurrentCulture, SelfReviewTexts.MaxLengthNote, SelfReviewCardElements.FormatLength(input.MaxTextLength))));
        }
        var actions = new JsonArray(SelfReviewCardElements.FlowButton(
            input.SubmitTitle ?? SelfReviewTexts.SaveButton, CardVersion, (SelfReviewCardData.Command, SelfReviewCardData.SaveCommand)));
        return AdaptiveCardDocument.Create(body, actions);
    }

    private static JsonObject NumberedList(IReadOnlyList<string> items) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = string.Join("\r", items.Select((item, index) => (index + 1).ToString(CultureInfo.InvariantCulture) + ". " + item)),
        ["wrap"] = true,
    };
}
