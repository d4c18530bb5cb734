using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Notices;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// The reminder to a cell's members whose self-review is not submitted (their reminders not paused): one card for
/// those who have not started, one for those writing, each through the member notices with the occasion's key as
/// dedupe scope, so a member gets an occasion's reminder once however often it is staged. Shared by the
/// <see cref="MemberReminderHandler"/> and the <see cref="OverdueReminderHandler"/>.
/// </summary>
public sealed class MemberReminderStager(
    IReminderAudience audience,
    IReviewCycleService cycles,
    IReviewMeetingCalendar meetings,
    IMemberNotices notices)
{
    public async Task<int> StageAsync(PlannedOccasion occasion, bool overdue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occasion);
        var recipients = await audience.MembersToRemindAsync(occasion.CycleId, occasion.OrganisationId, cancellationToken);
        if (recipients.Count == 0 || await cycles.FindAsync(occasion.CycleId, cancellationToken) is not { } cycle)
        {
            return 0;
        }
        var meeting = await MeetingAsync(occasion, overdue, cancellationToken);
        var staged = 0;
        foreach (var group in recipients.GroupBy(r => r.Status == SelfReviewStatus.NotStarted ? ReminderMissing.NotStarted : ReminderMissing.InProgress))
        {
            var card = ReviewReminderCard.Build(new ReviewReminderCardInput(cycle.Year, null)
            {
                Missing = group.Key,
                MeetingDate = meeting is { } m ? DateOnly.FromDateTime(m.DateTime) : null,
                MeetingTime = meeting is { } t ? TimeOnly.FromDateTime(t.DateTime) : null,
                DueDay = occasion.TargetDate,
                WorkingDaysLeft = overdue ? null : occasion.WorkingDaysBefore,
                IsOverdue = overdue,
            });
            var fanOut = await notices.StageToMembersAsync([.. group.Select(r => r.MemberId)], card, occasion.Key, cancellationToken);
            staged += fanOut.Staged;
        }
        return staged;
    }

    /// <summary>The meeting the reminder prepares for, in Vietnam time; none for an overdue reminder or while no meeting is set.</summary>
    private async Task<DateTimeOffset?> MeetingAsync(PlannedOccasion occasion, bool overdue, CancellationToken cancellationToken)
    {
        if (overdue || occasion.MeetingId is not { } meetingId)
        {
            return null;
        }
        var found = (await meetings.ListAsync(occasion.CycleId, occasion.OrganisationId, cancellationToken)).FirstOrDefault(m => m.MeetingId == meetingId);
        return found is null ? null : TimeZoneInfo.ConvertTime(found.StartsAt, WorkingCalendar.TimeZone);
    }
}
