using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Meetings;

/// <summary>
/// "Gửi góp ý" on the draft circulation card: a participant's comment on the draft collective report, saved through
/// <see cref="IDraftCirculation.SaveCommentAsync"/> (one per participant, the latest wins) while the meeting has not
/// started. The card is shown again in place with the comment in the box and when it was received, the member is
/// thanked, and the chairs' comments card is updated in place in the same commit. An empty box, someone not summoned,
/// a cancelled or started meeting are told plainly and nothing is saved; the card (and what was typed) stays as it was.
/// Stateless: nothing but the comment itself is kept.
/// </summary>
public sealed class SendDraftCommentDialog(IDraftCirculation drafts, ILogger<SendDraftCommentDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.SendDraftComment];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            return [];
        }
        if (CardValues.Id(turn.Value, CardDataKeys.Meeting) is not { } meetingId)
        {
            return [DialogReply.FromText(DraftCirculationDialogTexts.CardNotUnderstood)];
        }
        var earlier = await drafts.FindCommentAsync(meetingId, member.MemberId, cancellationToken);
        DraftCommentView saved;
        try
        {
            saved = await drafts.SaveCommentAsync(meetingId, member.MemberId, CardValues.Text(turn.Value, CardDataKeys.DraftComment), cancellationToken);
        }
        catch (DraftCommentRefusedException refused)
        {
            DraftCirculationLog.CommentRefused(logger, meetingId, member.MemberId, refused.Reason);
            return [DialogReply.FromText(refused.Message)];
        }
        DraftCirculationLog.CommentSaved(logger, meetingId, member.MemberId, earlier is not null);
        // The save found the meeting: it refuses an unknown one.
        var meeting = (await drafts.FindAsync(meetingId, cancellationToken))!;
        await drafts.StageCommentsCardAsync(meeting, comments => DraftCirculationCardMapping.Comments(meeting, comments), cancellationToken);
        var card = DraftCirculationCardMapping.Circulation(meeting, saved.Text, saved.UpdatedAt);
        var thanks = DialogReply.FromText(string.Format(
            CultureInfo.InvariantCulture, earlier is null ? DraftCirculationDialogTexts.Thanks : DraftCirculationDialogTexts.ThanksReplaced, meeting.BodyName));
        return turn.SupportsUpdates && !string.IsNullOrEmpty(turn.ReplyToId)
            ? [DialogReply.UpdateCard(turn.ReplyToId, card), thanks]
            : [thanks];
    }
}
