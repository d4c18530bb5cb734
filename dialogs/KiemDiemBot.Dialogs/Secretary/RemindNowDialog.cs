using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>
/// The progress card's "Nhắc ngay": a reminder card (with "Tiếp tục", which resumes the self-review) goes through
/// the outbox to every member of the cell who is reviewed this cycle and has not submitted, when the bot can reach
/// them, at most once a day each; the secretary is told how many were reminded and who could not be reached.
/// </summary>
public sealed class RemindNowDialog(
    CellProgressAccess access,
    IReviewCycleService cycles,
    IReviewProgressService progress,
    IReviewMeetingCalendar calendar,
    IMemberNotices notices,
    TimeProvider clock,
    ILogger<RemindNowDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.RemindCell];

    /// <summary>The dedupe scope of one day's reminders of a cycle: a member is reminded at most once a day.</summary>
    public static string DedupeScope(Guid cycleId, DateOnly day) =>
        "reminder:" + cycleId.ToString("N") + ":" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } secretary)
        {
            return [];
        }
        if (CellProgressAccess.ReadTarget(turn.Value) is not { } target || await cycles.FindAsync(target.CycleId, cancellationToken) is null)
        {
            return [DialogReply.FromText(SecretaryDialogTexts.ProgressCardNotUnderstood)];
        }
        if (!await access.LeadsAsync(secretary, target.CellId, cancellationToken))
        {
            SecretaryLog.Refused(logger, secretary.MemberId, CardVerbs.RemindCell);
            return [DialogReply.FromText(SecretaryDialogTexts.ProgressNotAllowed)];
        }
        var view = await progress.GetCellProgressAsync(target.CellId, target.CycleId, cancellationToken);
        var due = view.Members.Where(m => CellProgressCard.NeedsReminder(CellProgressAccess.Row(m))).Select(m => m.MemberId).ToList();
        if (due.Count == 0)
        {
            return [DialogReply.FromText(SecretaryDialogTexts.RemindNobody)];
        }
        var meeting = (await calendar.ListAsync(view.CycleId, view.CellId, cancellationToken)).FirstOrDefault(m => m.OrganisationId == view.CellId);
        var local = meeting is null ? (DateTimeOffset?)null : TimeZoneInfo.ConvertTime(meeting.StartsAt, WorkingCalendar.TimeZone);
        var card = ReviewReminderCard.Build(new ReviewReminderCardInput(view.Year, secretary.FullName)
        {
            MeetingDate = local is { } date ? DateOnly.FromDateTime(date.DateTime) : null,
            MeetingTime = local is { } time ? TimeOnly.FromDateTime(time.DateTime) : null,
        });
        var sent = await notices.StageToMembersAsync(due, card, DedupeScope(view.CycleId, WorkingCalendar.Today(clock)), cancellationToken);
        SecretaryLog.Reminded(logger, view.CellId, view.CycleId, secretary.MemberId, sent.Staged, sent.AlreadySent, sent.Unreachable.Count);
        return [DialogReply.FromText(Report(sent))];
    }

    private static string Report(NoticeFanOut sent)
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<string> { string.Format(culture, SecretaryDialogTexts.RemindSent, sent.Staged) };
        if (sent.AlreadySent > 0)
        {
            lines.Add(string.Format(culture, SecretaryDialogTexts.RemindAlready, sent.AlreadySent));
        }
        if (sent.Unreachable.Count > 0)
        {
            lines.Add(string.Format(culture, SecretaryDialogTexts.RemindUnreachable, string.Join(", ", sent.Unreachable.Select(u => u.FullName))));
        }
        return string.Join("\n\n", lines);
    }
}
