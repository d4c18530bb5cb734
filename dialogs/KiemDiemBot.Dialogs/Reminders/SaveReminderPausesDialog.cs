using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Reminders;

/// <summary>
/// The schedule card's "Lưu": the members ticked in the pause list get no automatic reminders in the cycle (on
/// leave, or their secretary enters the review for them), the others are reminded again; only the difference is
/// changed, each change audited by the pause service, and the card is replaced in place with a line saying what
/// changed. Only the cell's secretary, deputy secretary or an administrator may.
/// </summary>
public sealed class SaveReminderPausesDialog(
    ReminderScheduleAccess access,
    ReminderScheduleView schedule,
    IReminderPauses pauses,
    IReviewCycleService cycles,
    ILogger<SaveReminderPausesDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.SaveReminderPauses];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } secretary)
        {
            return [];
        }
        if (CellProgressAccess.ReadTarget(turn.Value) is not { } target)
        {
            return [DialogReply.FromText(ReminderDialogTexts.ScheduleCardNotUnderstood)];
        }
        if (!await access.MayAsync(secretary, target.CellId, cancellationToken))
        {
            ReminderLog.Refused(logger, secretary.MemberId, CardVerbs.SaveReminderPauses);
            return [DialogReply.FromText(ReminderDialogTexts.ScheduleNotAllowed)];
        }
        if (await cycles.FindAsync(target.CycleId, cancellationToken) is not { } cycle)
        {
            return [DialogReply.FromText(ReminderDialogTexts.ScheduleCardNotUnderstood)];
        }
        var cell = await schedule.CellAsync(target.CellId, cycle.Id, cancellationToken);
        var members = ReminderScheduleView.Pausable(cell);
        var wanted = Selected(CardValues.Text(turn.Value, CardDataKeys.PausedMembers));
        var desired = members.Where(m => wanted.Contains(m.MemberId)).Select(m => m.MemberId).ToHashSet();
        var current = await pauses.FindPausedAsync(cycle.Id, [.. members.Select(m => m.MemberId)], cancellationToken);
        var paused = new List<string>();
        var resumed = new List<string>();
        foreach (var member in members)
        {
            var pause = desired.Contains(member.MemberId);
            if (pause != current.Contains(member.MemberId)
                && await pauses.SetPausedAsync(cycle.Id, member.MemberId, pause, secretary.MemberId, cancellationToken))
            {
                (pause ? paused : resumed).Add(member.FullName);
            }
        }
        ReminderLog.PausesSaved(logger, cell.CellId, cycle.Id, secretary.MemberId, paused.Count, resumed.Count);
        var input = await schedule.BuildAsync(cycle, cell, desired, Notice(paused, resumed), cancellationToken);
        return [CellProgressAccess.Reply(turn, ReminderScheduleCard.Build(input))];
    }

    /// <summary>The ids a multi-select submits, comma-separated (Teams and Web Chat alike); anything else is ignored.</summary>
    private static HashSet<Guid> Selected(string? value) =>
        [.. (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => Guid.TryParse(id, out var memberId) ? memberId : Guid.Empty)
            .Where(id => id != Guid.Empty)];

    private static string Notice(List<string> paused, List<string> resumed)
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        if (paused.Count > 0)
        {
            lines.Add(string.Format(culture, ReminderDialogTexts.PausedNotice, string.Join(", ", paused)));
        }
        if (resumed.Count > 0)
        {
            lines.Add(string.Format(culture, ReminderDialogTexts.ResumedNotice, string.Join(", ", resumed)));
        }
        return lines.Count == 0 ? ReminderDialogTexts.NoChangeNotice : string.Join(" ", lines);
    }
}
