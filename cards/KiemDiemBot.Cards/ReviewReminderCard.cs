using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Reminds a member that their self-review is not done yet: what is missing, the date it is needed by (the meeting,
/// or the due day), and "Tiếp tục", which starts the self-review flow where the member's review stands (the flow
/// resumes at the first unanswered part, or at the summary). The overdue variant says the due day has passed.
/// </summary>
public static class ReviewReminderCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(ReviewReminderCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, input.IsOverdue ? ReminderCardTexts.OverdueTitle : SecretaryTexts.ReminderTitle, input.Year)));
        if (input.IsOverdue && input.DueDay is { } passed)
        {
            body.Add(CardElements.Paragraph(string.Format(culture, ReminderCardTexts.OverdueText, SecretaryCardElements.FormatDate(passed))));
        }
        else
        {
            body.Add(CardElements.Paragraph(MemberNames.Format(input.SecretaryName, SecretaryTexts.ReminderFromSecretaryNamed, SecretaryTexts.ReminderFromSecretary)));
        }
        if (input.Missing is { } missing)
        {
            body.Add(CardElements.Paragraph(missing == ReminderMissing.NotStarted ? ReminderCardTexts.MissingNotStarted : ReminderCardTexts.MissingInProgress));
        }
        if (input.MeetingDate is { } date)
        {
            body.Add(CardElements.Paragraph(input.MeetingTime is { } time
                ? string.Format(culture, SecretaryTexts.ReminderMeetingAt, SecretaryCardElements.FormatTime(time), SecretaryCardElements.FormatDate(date))
                : string.Format(culture, SecretaryTexts.ReminderMeetingOn, SecretaryCardElements.FormatDate(date))));
        }
        else if (!input.IsOverdue && input.DueDay is { } due)
        {
            body.Add(CardElements.Paragraph(string.Format(culture, ReminderCardTexts.DueDayOn, SecretaryCardElements.FormatDate(due))));
        }
        if (!input.IsOverdue && input.WorkingDaysLeft is { } left)
        {
            body.Add(CardElements.Paragraph(string.Format(culture,
                input.MeetingDate is null ? ReminderCardTexts.DaysLeftDue : ReminderCardTexts.DaysLeftMeeting, left)));
        }
        body.Add(CardElements.Note(SecretaryTexts.ReminderHint));
        var actions = new JsonArray(
            CardActions.Submit(SecretaryTexts.ContinueSelfReviewButton, CardVerbs.StartSelfReview, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
