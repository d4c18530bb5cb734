using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;

namespace KiemDiemBot.Dialogs.Reminders;

/// <summary>Which cells a reminder command shows here: the cells the member leads, every cell for an administrator who leads none, or why none.</summary>
public sealed record ReminderCells(IReadOnlyList<RosterCell> Cells, bool ChooseAmongAll, string? Refusal);

/// <summary>
/// Who may see and steer a cell's automatic reminders and its unreachable list: the cell's own secretary or deputy
/// secretary (the progress card's rule, <see cref="CellProgressAccess"/>, group chats included), or an administrator,
/// who names the cell on a card. Asked again at every button: a card can be forwarded.
/// </summary>
public sealed class ReminderScheduleAccess(CellProgressAccess cells, IRosterDirectory roster, IReviewCycleService cycles)
{
    /// <summary>
    /// A reminder command typed in chat: the card <paramref name="cardFor"/> builds for each cell the member leads in
    /// the open cycle, the cell choice for an administrator who leads none, or one line saying why not
    /// (<paramref name="refused"/> is told when the member may not).
    /// </summary>
    public async Task<IReadOnlyList<DialogReply>> AnswerCommandAsync(
        DialogTurn turn,
        TurnMember member,
        CellCommandRefusals refusals,
        CellChoicePurpose purpose,
        Func<ReviewCycleView, Guid, Task<JsonObject>> cardFor,
        Action refused,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cardFor);
        ArgumentNullException.ThrowIfNull(refused);
        var found = await ForCommandAsync(turn, member, refusals, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            refused();
            return [DialogReply.FromText(refusal)];
        }
        if (await cycles.FindCurrentAsync(cancellationToken) is not { } cycle)
        {
            return [DialogReply.FromText(SecretaryDialogTexts.NoOpenCycle)];
        }
        if (found.ChooseAmongAll)
        {
            return found.Cells.Count == 0
                ? [DialogReply.FromText(ReminderDialogTexts.ScheduleNoCells)]
                : [DialogReply.FromCard(ReminderCellChoiceCard.Build(new ReminderCellChoiceCardInput(cycle.Id, cycle.Year,
                    [.. found.Cells.Select(c => new CellChoice(c.Id, c.Name))]) { Purpose = purpose }))];
        }
        var replies = new List<DialogReply>();
        foreach (var cell in found.Cells)
        {
            replies.Add(DialogReply.FromCard(await cardFor(cycle, cell.Id)));
        }
        return replies;
    }

    public async Task<ReminderCells> ForCommandAsync(DialogTurn turn, TurnMember member, CellCommandRefusals refusals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var led = await cells.ForCommandAsync(turn, member, refusals, cancellationToken);
        if (led.Cells.Count > 0 || !IsAdmin(member))
        {
            return new ReminderCells(led.Cells, ChooseAmongAll: false, led.Refusal);
        }
        return new ReminderCells(await roster.ListCellsAsync(cancellationToken), ChooseAmongAll: true, null);
    }

    public async Task<bool> MayAsync(TurnMember member, Guid cellId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return IsAdmin(member) || await cells.LeadsAsync(member, cellId, cancellationToken);
    }

    private static bool IsAdmin(TurnMember member) => member.Roles.Any(r => r.Kind == MemberRoleKind.Admin);
}
