using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Reminders;

/// <summary>
/// "ai chưa nhận được tin nhắn" (and the buttons that ask for it on the schedule and unreachable cards): the cell's
/// secretary or deputy secretary, or an administrator, sees the cell's members the bot cannot write to (no personal
/// chat with the bot, or blocked), with what to do, and how many it reaches. Anyone else is refused.
/// </summary>
public sealed class UnreachableMembersDialog(
    ReminderScheduleAccess access,
    IReviewProgressService progress,
    IReviewCycleService cycles,
    ILogger<UnreachableMembersDialog> logger) : IDialog
{
    public const string Command = "ai chua nhan duoc tin nhan";

    public static CellCommandRefusals Refusals { get; } = new(
        ReminderDialogTexts.UnreachableNotAllowed, ReminderDialogTexts.UnreachableOtherCellChat, ReminderDialogTexts.UnreachableChooseChat);

    public IReadOnlyCollection<string> Commands { get; } = [Command];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ShowUnreachableMembers];

    /// <summary>The card of a cell's reach, as the command and the scheduler's list show it.</summary>
    public static UnreachableMembersCardInput Input(CellProgressView view)
    {
        var reach = CellReach.Of(view);
        return new UnreachableMembersCardInput(view.CellId, view.CycleId, view.CellName, [.. reach.Unreachable.Select(m => m.FullName)], reach.ReachableCount);
    }

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            return [];
        }
        if (turn.Value is not null)
        {
            if (CellProgressAccess.ReadTarget(turn.Value) is not { } target || await cycles.FindAsync(target.CycleId, cancellationToken) is null)
            {
                return [DialogReply.FromText(ReminderDialogTexts.UnreachableCardNotUnderstood)];
            }
            if (!await access.MayAsync(member, target.CellId, cancellationToken))
            {
                ReminderLog.Refused(logger, member.MemberId, Command);
                return [DialogReply.FromText(ReminderDialogTexts.UnreachableNotAllowed)];
            }
            // A new card: the button may be on the schedule card, which stays as it is.
            return [DialogReply.FromCard(await CardAsync(target.CellId, target.CycleId, member.MemberId, cancellationToken))];
        }
        return await access.AnswerCommandAsync(
            turn,
            member,
            Refusals,
            CellChoicePurpose.Unreachable,
            (cycle, cellId) => CardAsync(cellId, cycle.Id, member.MemberId, cancellationToken),
            () => ReminderLog.Refused(logger, member.MemberId, Command),
            cancellationToken);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> CardAsync(Guid cellId, Guid cycleId, Guid memberId, CancellationToken cancellationToken)
    {
        var view = await progress.GetCellProgressAsync(cellId, cycleId, cancellationToken);
        var input = Input(view);
        ReminderLog.UnreachableShown(logger, cellId, cycleId, memberId, input.Unreachable.Count);
        return UnreachableMembersCard.Build(input);
    }
}
