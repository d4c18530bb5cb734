using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Reminds a body's secretary of one of the plan's deadlines (DOMAIN A6): which, for which body, the date, and what
/// is still missing. Information only: no buttons (the secretary acts through the commands the lines name).
/// </summary>
public static class BodyDeadlineCard
{
    public static JsonObject Build(BodyDeadlineCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var topic = TopicText(input.Topic);
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, ReminderCardTexts.DeadlineTitle, topic)),
            CardElements.Paragraph(string.Format(culture, ReminderCardTexts.DeadlineBody, input.BodyName,
                SecretaryCardElements.FormatDate(input.DueBefore), SecretaryCardElements.FormatDate(input.DueBefore.AddDays(-1)))));
        if (input.Missing.Count > 0)
        {
            body.Add(CardElements.Heading(ReminderCardTexts.DeadlineMissingHeading));
            body.Add(CardElements.BulletList(input.Missing));
        }
        body.Add(CardElements.Note(string.Format(culture, ReminderCardTexts.DeadlineHint, input.Year)));
        return AdaptiveCardDocument.Create(body, []);
    }

    public static string TopicText(BodyDeadlineTopic topic) => topic switch
    {
        BodyDeadlineTopic.CellReview => ReminderCardTexts.DeadlineCellReview,
        BodyDeadlineTopic.SubCommitteeReview => ReminderCardTexts.DeadlineSubCommitteeReview,
        BodyDeadlineTopic.GrassrootsCommitteeReview => ReminderCardTexts.DeadlineGrassrootsCommitteeReview,
        BodyDeadlineTopic.ReportsUp => ReminderCardTexts.DeadlineReportsUp,
        BodyDeadlineTopic.CadreDossiers => ReminderCardTexts.DeadlineCadreDossiers,
        BodyDeadlineTopic.PartyBuildingReport => ReminderCardTexts.DeadlinePartyBuildingReport,
        BodyDeadlineTopic.SummaryConference => ReminderCardTexts.DeadlineSummaryConference,
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, null),
    };
}
