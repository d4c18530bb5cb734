using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>
/// The progress card's comment buttons: the cell's secretary or deputy secretary marks a member's residence comment
/// (Mẫu 3-213) or temporary cell's comment received, or missing again (audited by the progress service), and the
/// card is replaced in place with the change and a line saying what was recorded.
/// </summary>
public sealed class MarkCommentDialog(
    CellProgressAccess access,
    IReviewCycleService cycles,
    IReviewProgressService progress,
    ILogger<MarkCommentDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.MarkReviewComment];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } secretary)
        {
            return [];
        }
        var target = CellProgressAccess.ReadTarget(turn.Value);
        var memberId = CardValues.Id(turn.Value, CardDataKeys.MemberId);
        var received = CardValues.Flag(turn.Value, CardDataKeys.Received);
        ReviewCommentKind? kind = CardValues.Text(turn.Value, CardDataKeys.Comment) switch
        {
            CellProgressCard.ResidenceComment => ReviewCommentKind.Residence,
            CellProgressCard.TemporaryCellComment => ReviewCommentKind.TemporaryCell,
            _ => null,
        };
        if (target is null || memberId is null || received is null || kind is null || await cycles.FindAsync(target.CycleId, cancellationToken) is null)
        {
            return [DialogReply.FromText(SecretaryDialogTexts.ProgressCardNotUnderstood)];
        }
        if (!await access.LeadsAsync(secretary, target.CellId, cancellationToken))
        {
            SecretaryLog.Refused(logger, secretary.MemberId, CardVerbs.MarkReviewComment);
            return [DialogReply.FromText(SecretaryDialogTexts.ProgressNotAllowed)];
        }
        var view = await progress.GetCellProgressAsync(target.CellId, target.CycleId, cancellationToken);
        var member = view.Members.FirstOrDefault(m => m.MemberId == memberId);
        if (member is null)
        {
            return [CellProgressAccess.Reply(turn, CellProgressAccess.Card(view, target.Page, SecretaryDialogTexts.CommentMemberGone))];
        }
        var culture = CultureInfo.InvariantCulture;
        var expected = kind == ReviewCommentKind.Residence ? member.ResidenceCommentExpected : member.TemporaryCellCommentExpected;
        if (member.HoldsTemporaryActivitiesHere || !expected)
        {
            return [DialogReply.FromText(string.Format(culture, SecretaryDialogTexts.CommentNotHere, member.FullName))];
        }
        var changed = await progress.MarkCommentAsync(member.MemberId, kind.Value, received.Value, secretary.MemberId, cancellationToken);
        SecretaryLog.CommentMarked(logger, member.MemberId, kind.Value.ToString(), received.Value, secretary.MemberId, changed);
        // The change is staged for the turn's commit; the card shows it already.
        var marked = kind == ReviewCommentKind.Residence
            ? member with { ResidenceCommentReceived = received.Value }
            : member with { TemporaryCellCommentReceived = received.Value };
        var comment = kind == ReviewCommentKind.Residence ? SecretaryDialogTexts.CommentResidence : SecretaryDialogTexts.CommentTemporaryCell;
        var notice = string.Format(culture,
            !changed ? SecretaryDialogTexts.CommentUnchanged
                : received.Value ? SecretaryDialogTexts.CommentMarkedReceived
                : SecretaryDialogTexts.CommentMarkedMissing,
            comment, member.FullName);
        var updated = view with { Members = [.. view.Members.Select(m => m.MemberId == marked.MemberId ? marked : m)] };
        return [CellProgressAccess.Reply(turn, CellProgressAccess.Card(updated, target.Page, notice))];
    }
}
