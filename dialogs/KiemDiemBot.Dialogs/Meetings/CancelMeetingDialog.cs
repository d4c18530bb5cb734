using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Meetings;

/// <summary>
/// The meeting card's "Hủy cuộc họp": the body's secretary or deputy cancels the meeting (audited by Core; anyone
/// else is refused, asked again at the button since a card can be forwarded). The card is replaced in place by the
/// cancelled meeting, and the chat is told; members' self-reviews no longer lock at its start.
/// </summary>
public sealed class CancelMeetingDialog(IReviewMeetingPlanner planner, ILogger<CancelMeetingDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.CancelMeeting];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            return [];
        }
        if (CardValues.Id(turn.Value, CardDataKeys.Meeting) is not { } meetingId)
        {
            return [DialogReply.FromText(MeetingDialogTexts.CardNotUnderstood)];
        }
        MeetingDetails meeting;
        try
        {
            meeting = await planner.CancelAsync(meetingId, member.MemberId, cancellationToken);
        }
        catch (MeetingRefusedException refused)
        {
            MeetingLog.Refused(logger, member.MemberId, CardVerbs.CancelMeeting);
            return [DialogReply.FromText(refused.Message)];
        }
        MeetingLog.Cancelled(logger, meeting.MeetingId, member.MemberId);
        var card = MeetingCardMapping.MeetingCard(meeting, [], asksDraftApproval: false, notice: null);
        var text = DialogReply.FromText(string.Format(CultureInfo.InvariantCulture, MeetingDialogTexts.Cancelled, meeting.BodyName));
        return turn.SupportsUpdates && !string.IsNullOrEmpty(turn.ReplyToId)
            ? [DialogReply.UpdateCard(turn.ReplyToId, card), text]
            : [DialogReply.FromCard(card), text];
    }
}
