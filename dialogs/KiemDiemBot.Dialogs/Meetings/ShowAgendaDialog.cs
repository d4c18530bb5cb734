using KiemDiemBot.Cards;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;

namespace KiemDiemBot.Dialogs.Meetings;

/// <summary>The meeting card's "Xem chương trình họp": the agenda card (order and chairs), for anyone on the roster in the chat.</summary>
public sealed class ShowAgendaDialog(IReviewMeetingPlanner planner) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ShowAgenda];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is null)
        {
            return [];
        }
        if (CardValues.Id(turn.Value, CardDataKeys.Meeting) is not { } meetingId)
        {
            return [DialogReply.FromText(MeetingDialogTexts.CardNotUnderstood)];
        }
        var meeting = await planner.GetAsync(meetingId, cancellationToken);
        return meeting is null
            ? [DialogReply.FromText(MeetingDialogTexts.NoMeeting)]
            : [DialogReply.FromCard(MeetingCardMapping.AgendaCard(meeting))];
    }
}
