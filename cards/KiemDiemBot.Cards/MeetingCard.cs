using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A body's review meeting after it is saved: when it starts and ends, who takes part and co-chairs, the draft report
/// and its approval, every warning in plain words (the meeting is kept all the same), the agenda with its chairs, and
/// the buttons "Xem chương trình họp" and "Hủy cuộc họp" (the latter for the body's secretary or deputy; the dialog
/// checks). A cancelled meeting is shown without buttons.
/// </summary>
public static class MeetingCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(MeetingCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, input.IsCancelled ? MeetingCardTexts.MeetingCancelledTitle : MeetingCardTexts.MeetingTitle, input.BodyName)));
        if (input.IsCancelled)
        {
            body.Add(CardElements.Paragraph(MeetingCardTexts.MeetingCancelledNotice));
        }
        else if (!string.IsNullOrWhiteSpace(input.Notice))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = input.Notice, ["color"] = "Good", ["wrap"] = true });
        }
        var facts = new List<(string, string)>
        {
            (MeetingCardTexts.FactStart, MeetingCardElements.When(input.StartDate, input.StartTime)),
            (MeetingCardTexts.FactEnd, MeetingCardElements.When(input.EndDate, input.EndTime)),
            (MeetingCardTexts.FactParticipants, string.Format(culture, MeetingCardTexts.ParticipantCount, input.Participants.Count)),
            (MeetingCardTexts.FactCoChairs, input.CoChairs.Count == 0 ? MeetingCardTexts.NobodyChairs : string.Join(", ", input.CoChairs)),
            (MeetingCardTexts.FactDraft, string.IsNullOrWhiteSpace(input.DraftReportUrl) ? MeetingCardTexts.DraftMissing : input.DraftReportUrl),
        };
        if (input.DraftApproved is { } approved)
        {
            facts.Add((MeetingCardTexts.FactDraftApproval, approved ? MeetingCardTexts.DraftApprovedYes : MeetingCardTexts.DraftApprovedNo));
        }
        body.Add(CardElements.FactSet(facts));
        if (input.Participants.Count > 0)
        {
            body.Add(SecretaryCardElements.SmallNote(string.Join(", ", input.Participants)));
        }
        if (!input.IsCancelled)
        {
            if (input.Warnings.Count > 0)
            {
                body.Add(CardElements.Heading(MeetingCardTexts.WarningsHeading));
                foreach (var warning in input.Warnings)
                {
                    body.Add(SecretaryCardElements.Warning(warning));
                }
            }
            else
            {
                body.Add(CardElements.Note(MeetingCardTexts.NoWarnings));
            }
            body.Add(CardElements.Heading(MeetingCardTexts.AgendaHeading));
            foreach (var element in MeetingCardElements.Agenda(input.Agenda))
            {
                body.Add(element);
            }
        }
        var actions = new JsonArray();
        if (!input.IsCancelled)
        {
            // A JSON node has one parent: each button gets its own copy of the meeting's id.
            var meeting = input.MeetingId.ToString("D");
            actions.Add(SecretaryCardElements.Submit(MeetingCardTexts.ShowAgendaButton, CardVerbs.ShowAgenda, CardVersion, (CardDataKeys.Meeting, meeting)));
            actions.Add(SecretaryCardElements.Submit(MeetingCardTexts.CancelButton, CardVerbs.CancelMeeting, CardVersion, (CardDataKeys.Meeting, meeting)));
        }
        return AdaptiveCardDocument.Create(body, actions);
    }
}
