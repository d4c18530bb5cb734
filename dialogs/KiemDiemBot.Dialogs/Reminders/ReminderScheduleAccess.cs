using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Dialogs.Secretary;

namespace KiemDiemBot.Dialogs.Reminders;

/// <summary>Which cells a reminder command shows here: the cells the member leads, every cell for an administrator who leads none, or why none.</summary>
public sealed record ReminderCells(IReadOnlyList<RosterCell> Cells, bool ChooseAmongAll, string? Refusal);

/// <summary>
/// Who may see and steer a cell's automatic reminders and its unreachable list: the cell's own secretary or deputy
/// secretary (the progress card's rule, <see cref="CellProgressAccess"/>, group chats included), or an administrator,
/// who names the cell on a card. Asked again at every button: a card can be forwarded.
/// </summary>
public sealed class ReminderScheduleAccess(CellProgressAccess cells, IRosterDirectory roster)
{
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
