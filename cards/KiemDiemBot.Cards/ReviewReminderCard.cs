using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>Reminds a member that their self-review is not done yet, with a button that takes them back to it.</summary>
public static class ReviewReminderCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(ReviewReminderCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, SecretaryTexts.ReminderTitle, input.Year)),
            CardElements.Paragraph(MemberNames.Format(input.SecretaryName, SecretaryTexts.ReminderFromSecretaryNamed, SecretaryTexts.ReminderFromSecretary)));
        if (input.MeetingDate is { } date)
        {
            body.Add(CardElements.Paragraph(input.MeetingTime is { } time
                ? string.Format(culture, SecretaryTexts.ReminderMeetingAt, SecretaryCardElements.FormatTime(time), SecretaryCardElements.FormatDate(date))
                : string.Format(culture, SecretaryTexts.ReminderMeetingOn, SecretaryCardElements.FormatDate(date))));
        }
        body.Add(CardElements.Note(SecretaryTexts.ReminderHint));
        var actions = new JsonArray(
            CardActions.Submit(SecretaryTexts.ContinueSelfReviewButton, CardVerbs.StartSelfReview, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
