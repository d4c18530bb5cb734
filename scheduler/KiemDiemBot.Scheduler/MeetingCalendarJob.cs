using Hangfire;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Every minute, pushes to the calendar the review meetings whose calendar is behind (the turn that scheduled,
/// moved or cancelled one only changed the database), each in its own scope and unit of work: the push records
/// the event id, the meeting chat and the app's installation on the meeting, and stages the secretaries' notice
/// when there is one; the commit writes both. A failure is recorded on the meeting and tried again on the next
/// run; a commit lost after the calendar made an event is repaired by the event's transaction id (the repeated
/// create answers the same event). Does nothing while no calendar is configured.
/// </summary>
public sealed partial class MeetingCalendarJob(
    IMeetingCalendarSync sync,
    IServiceScopeFactory scopes,
    ILogger<MeetingCalendarJob> logger)
{
    public const string RecurringId = "meeting-calendar";

    /// <summary>Under a minute, so runs never queue up; a run that gives up is covered by the next.</summary>
    public const int LockTimeoutSeconds = 50;

    /// <summary>Hangfire's entry point: one run (its outcome is logged).</summary>
    [DisableConcurrentExecution(LockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(CancellationToken cancellationToken) => PushAsync(cancellationToken);

    /// <summary>One run: pushes every meeting due; answers what became of each.</summary>
    public async Task<IReadOnlyList<MeetingCalendarOutcome>> PushAsync(CancellationToken cancellationToken)
    {
        var due = await sync.DueAsync(cancellationToken);
        var outcomes = new List<MeetingCalendarOutcome>(due.Count);
        foreach (var meetingId in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                outcomes.Add(await PushOneAsync(meetingId, cancellationToken));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                outcomes.Add(new MeetingCalendarOutcome(meetingId, MeetingCalendarResult.Failed, false, false, 0, null));
                MeetingFailed(logger, failure, meetingId);
            }
        }
        return outcomes;
    }

    /// <summary>Registers the run every minute under <see cref="RecurringId"/> (each start updates the same entry).</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<MeetingCalendarJob>(
            RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = VietnamTime.Zone });

    private async Task<MeetingCalendarOutcome> PushOneAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var outcome = await services.GetRequiredService<IMeetingCalendarSync>().SyncAsync(meetingId, cancellationToken);
        var told = 0;
        if (outcome.Report is { } report)
        {
            told = await TellSecretariesAsync(services.GetRequiredService<IMemberNotices>(), report, cancellationToken);
        }
        await services.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
        Pushed(logger, meetingId, outcome.Result, outcome.ChatFound, outcome.AppInstalled, outcome.WithoutEmail, told);
        return outcome;
    }

    private async Task<int> TellSecretariesAsync(IMemberNotices notices, MeetingCalendarReport report, CancellationToken cancellationToken)
    {
        if (report.SecretaryIds.Count == 0)
        {
            NoSecretary(logger, report.MeetingId, report.OrganisationId);
            return 0;
        }
        var card = MeetingCalendarNoticeCard.Build(new MeetingCalendarNoticeCardInput(report.BodyName, report.StartsAt, report.WithoutEmail, report.Error));
        var sent = await notices.StageToMembersAsync(report.SecretaryIds, card, report.DedupeScope, cancellationToken);
        return sent.Staged;
    }

    [LoggerMessage(EventId = 2121, Level = LogLevel.Information,
        Message = "Meeting {MeetingId} calendar: {Result}, chat found {ChatFound}, app installed {AppInstalled}, {WithoutEmail} participants without e-mail, {Told} secretaries told")]
    private static partial void Pushed(ILogger logger, Guid meetingId, MeetingCalendarResult result, bool chatFound, bool appInstalled, int withoutEmail, int told);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Error, Message = "Meeting {MeetingId} calendar push failed; the next run tries it again")]
    private static partial void MeetingFailed(ILogger logger, Exception exception, Guid meetingId);

    [LoggerMessage(EventId = 2123, Level = LogLevel.Warning, Message = "Meeting {MeetingId} of organisation {OrganisationId} has no secretary to tell about its calendar")]
    private static partial void NoSecretary(ILogger logger, Guid meetingId, Guid organisationId);
}
