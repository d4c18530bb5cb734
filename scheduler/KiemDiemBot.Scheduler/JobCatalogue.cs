using Hangfire;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Every recurring job of the bot, registered at start under its stable id in Asia/Ho_Chi_Minh: each start updates
/// the same entries, and several instances sharing the job store register the same ones. Nothing is scheduled per
/// occasion: the <see cref="ReminderTickJob"/> computes what is due from the domain every minute.
/// </summary>
public static class JobCatalogue
{
    /// <summary>The ids always registered, for the dashboard and the tests (<see cref="RosterSyncJob.RecurringId"/> too when roster sync is on).</summary>
    public static IReadOnlyList<string> RecurringIds { get; } = [PruneTurnsJob.RecurringId, ReminderTickJob.RecurringId, MeetingCalendarJob.RecurringId];

    /// <param name="turnRetention">How long finished turns are kept (<c>Turns:Retention</c>).</param>
    /// <param name="rosterSync">The nightly roster sync's time when roster sync is on; null removes its entry.</param>
    public static void ScheduleAll(IRecurringJobManager jobs, IBackgroundJobClient background, TimeSpan turnRetention, RosterSyncSchedule? rosterSync = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(background);
        PruneTurnsJob.Schedule(jobs, turnRetention);
        ReminderTickJob.Schedule(jobs);
        MeetingCalendarJob.Schedule(jobs);
        if (rosterSync is not null)
        {
            RosterSyncJob.Schedule(jobs, rosterSync);
        }
        else
        {
            jobs.RemoveIfExists(RosterSyncJob.RecurringId);
        }
        // Catch up at once after a start (a restart, a deployment) rather than at the next minute: what is due was
        // due while the bot was down. A plain job, not a trigger of the recurring entry: two instances starting at
        // once would contend for that entry's lock. A tick already running makes this one wait; staging twice
        // stages nothing.
        background.Enqueue<ReminderTickJob>(job => job.RunAsync(CancellationToken.None));
    }
}
