using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>
/// The progress card's "Mở khóa": the secretary or deputy secretary of the member's own cell (the same people who may
/// enter the review on the member's behalf) reopens a self-review locked by the start of the cell meeting, audited
/// with the reason; the card is replaced in place with the change and a line saying so. Anyone else is refused and
/// nothing changes.
/// </summary>
public sealed class UnlockSelfReviewDialog(
    IMemberAuthorizer authorizer,
    IMemberFactsSource memberFacts,
    IReviewCycleService cycles,
    IReviewProgressService progress,
    ISelfReviewService reviews,
    ILogger<UnlockSelfReviewDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.UnlockSelfReview];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } secretary)
        {
            return [];
        }
        var target = CellProgressAccess.ReadTarget(turn.Value);
        var memberId = CardValues.Id(turn.Value, CardDataKeys.MemberId);
        if (target is null || memberId is null || await cycles.FindAsync(target.CycleId, cancellationToken) is not { } cycle
            || await memberFacts.FindAsync(memberId.Value, cycle.Year, cancellationToken) is not { } facts)
        {
            return [DialogReply.FromText(SecretaryDialogTexts.ProgressCardNotUnderstood)];
        }
        var subject = AccessSubject.Member(memberId.Value, facts.Posts.Cell.BodyId);
        if (!await authorizer.MayAsync(secretary, MemberAction.EnterReviewByProxy, subject, cancellationToken))
        {
            SecretaryLog.Refused(logger, secretary.MemberId, CardVerbs.UnlockSelfReview);
            return [DialogReply.FromText(SecretaryDialogTexts.UnlockNotAllowed)];
        }
        if (facts.Posts.Cell.BodyId != target.CellId)
        {
            // The card shows another cell than the member's own: it is older than a move between cells.
            return [DialogReply.FromText(SecretaryDialogTexts.ProgressCardNotUnderstood)];
        }
        var view = await progress.GetCellProgressAsync(target.CellId, target.CycleId, cancellationToken);
        var member = view.Members.FirstOrDefault(m => m.MemberId == memberId && !m.HoldsTemporaryActivitiesHere);
        if (member is null)
        {
            return [CellProgressAccess.Reply(turn, CellProgressAccess.Card(view, target.Page, SecretaryDialogTexts.CommentMemberGone))];
        }
        var culture = CultureInfo.InvariantCulture;
        if (member.Status != SelfReviewStatus.Locked || await reviews.FindAsync(member.MemberId, view.CycleId, cancellationToken) is not { } review)
        {
            var notLocked = string.Format(culture, SecretaryDialogTexts.UnlockNotLocked, member.FullName);
            return [CellProgressAccess.Reply(turn, CellProgressAccess.Card(view, target.Page, notLocked))];
        }
        var unlocked = await reviews.UnlockAsync(review.ReviewId, secretary.MemberId, SecretaryDialogTexts.UnlockReason, cancellationToken);
        SecretaryLog.ReviewUnlocked(logger, unlocked.ReviewId, secretary.MemberId);
        // The change is staged for the turn's commit; the card shows it already.
        var updated = view with { Members = [.. view.Members.Select(m => m.MemberId == member.MemberId ? m with { Status = unlocked.Status } : m)] };
        var notice = string.Format(culture, SecretaryDialogTexts.UnlockDone, member.FullName);
        return [CellProgressAccess.Reply(turn, CellProgressAccess.Card(updated, target.Page, notice))];
    }
}
