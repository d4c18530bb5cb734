using Hangfire;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Every recurring job of the bot, registered at start under its stable id in Asia/Ho_Chi_Minh: each start updates
/// the same entries, and several instances sharing the job store register the same ones. Nothing is scheduled per
/// occasion: the <see cref="ReminderTickJob"/> computes what is due from the domain every minute.
/// </summary>
public static class JobCatalogue
{
    /// <summary>The ids registered, for the dashboard and the tests.</summary>
    public static IReadOnlyList<string> RecurringIds { get; } = [PruneTurnsJob.RecurringId, ReminderTickJob.RecurringId, MeetingCalendarJob.RecurringId];

    /// <param name="turnRetention">How long finished turns are kept (<c>Turns:Retention</c>).</param>
    public static void ScheduleAll(IRecurringJobManager jobs, IBackgroundJobClient background, TimeSpan turnRetention)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(background);
        PruneTurnsJob.Schedule(jobs, turnRetention);
        ReminderTickJob.Schedule(jobs);
        MeetingCalendarJob.Schedule(jobs);
        // Catch up at once after a start (a restart, a deployment) rather than at the next minute: what is due was
        // due while the bot was down. A plain job, not a trigger of the recurring entry: two instances starting at
        // once would contend for that entry's lock. A tick already running makes this one wait; staging twice
        // stages nothing.
        background.Enqueue<ReminderTickJob>(job => job.RunAsync(CancellationToken.None));
    }
}
