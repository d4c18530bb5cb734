using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Reminders;

/// <summary>
/// "lịch nhắc" (and the schedule card's refresh, and the administrator's cell choice): the cell's secretary or
/// deputy secretary sees the reminders, digests, circulations and deadline reminders the bot will send for the cell
/// in the open cycle, with their dates, and who is paused; an administrator who leads no cell first picks one.
/// Anyone else is refused. A button replaces the card in place.
/// </summary>
public sealed class ReminderScheduleDialog(
    ReminderScheduleAccess access,
    ReminderScheduleView schedule,
    IReviewCycleService cycles,
    ILogger<ReminderScheduleDialog> logger) : IDialog
{
    public const string Command = "lich nhac";

    public static CellCommandRefusals Refusals { get; } = new(
        ReminderDialogTexts.ScheduleNotAllowed, ReminderDialogTexts.ScheduleOtherCellChat, ReminderDialogTexts.ScheduleChooseChat);

    public IReadOnlyCollection<string> Commands { get; } = [Command];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ShowReminderSchedule];

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
                return [DialogReply.FromText(ReminderDialogTexts.ScheduleCardNotUnderstood)];
            }
            if (!await access.MayAsync(member, target.CellId, cancellationToken))
            {
                ReminderLog.Refused(logger, member.MemberId, Command);
                return [DialogReply.FromText(ReminderDialogTexts.ScheduleNotAllowed)];
            }
            if (await cycles.FindAsync(target.CycleId, cancellationToken) is not { } shown)
            {
                return [DialogReply.FromText(ReminderDialogTexts.ScheduleCardNotUnderstood)];
            }
            return [CellProgressAccess.Reply(turn, await CardAsync(shown, target.CellId, member.MemberId, cancellationToken))];
        }
        return await access.AnswerCommandAsync(
            turn,
            member,
            Refusals,
            CellChoicePurpose.Schedule,
            (cycle, cellId) => CardAsync(cycle, cellId, member.MemberId, cancellationToken),
            () => ReminderLog.Refused(logger, member.MemberId, Command),
            cancellationToken);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> CardAsync(ReviewCycleView cycle, Guid cellId, Guid memberId, CancellationToken cancellationToken)
    {
        var cell = await schedule.CellAsync(cellId, cycle.Id, cancellationToken);
        var input = await schedule.BuildAsync(cycle, cell, paused: null, notice: null, cancellationToken);
        ReminderLog.ScheduleShown(logger, cellId, cycle.Id, memberId, input.Messages.Count);
        return ReminderScheduleCard.Build(input);
    }
}
