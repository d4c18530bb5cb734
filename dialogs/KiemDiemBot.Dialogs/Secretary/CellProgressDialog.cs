using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>
/// "tiến độ" (and the progress card's refresh and page buttons): the cell's secretary or deputy secretary sees
/// every member of the cell with where their self-review stands in the open cycle, the written comments, and who
/// the bot cannot reach; anyone else is refused. In a group chat only the cell's own meeting chat (or, when the
/// chat's name says nothing, the one cell the member leads) shows a card. A button replaces the card in place.
/// </summary>
public sealed class CellProgressDialog(
    CellProgressAccess access,
    IReviewCycleService cycles,
    IReviewProgressService progress,
    ILogger<CellProgressDialog> logger) : IDialog
{
    public const string Command = "tien do";

    public IReadOnlyCollection<string> Commands { get; } = [Command];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ShowCellProgress];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            return [];
        }
        if (turn.Value is not null)
        {
            if (CellProgressAccess.ReadTarget(turn.Value) is not { } target)
            {
                return [DialogReply.FromText(SecretaryDialogTexts.ProgressCardNotUnderstood)];
            }
            if (!await access.LeadsAsync(member, target.CellId, cancellationToken))
            {
                SecretaryLog.Refused(logger, member.MemberId, Command);
                return [DialogReply.FromText(SecretaryDialogTexts.ProgressNotAllowed)];
            }
            if (await cycles.FindAsync(target.CycleId, cancellationToken) is null)
            {
                return [DialogReply.FromText(SecretaryDialogTexts.ProgressCardNotUnderstood)];
            }
            var view = await progress.GetCellProgressAsync(target.CellId, target.CycleId, cancellationToken);
            SecretaryLog.ProgressShown(logger, target.CellId, target.CycleId, member.MemberId);
            return [CellProgressAccess.Reply(turn, CellProgressAccess.Card(view, target.Page))];
        }
        var cells = await access.ForCommandAsync(turn, member, cancellationToken);
        if (cells.Refusal is { } refusal)
        {
            SecretaryLog.Refused(logger, member.MemberId, Command);
            return [DialogReply.FromText(refusal)];
        }
        if (await cycles.FindCurrentAsync(cancellationToken) is not { } cycle)
        {
            return [DialogReply.FromText(SecretaryDialogTexts.NoOpenCycle)];
        }
        var replies = new List<DialogReply>();
        foreach (var cell in cells.Cells)
        {
            var view = await progress.GetCellProgressAsync(cell.Id, cycle.Id, cancellationToken);
            SecretaryLog.ProgressShown(logger, cell.Id, cycle.Id, member.MemberId);
            replies.Add(DialogReply.FromCard(CellProgressAccess.Card(view, page: 0)));
        }
        return replies;
    }
}
