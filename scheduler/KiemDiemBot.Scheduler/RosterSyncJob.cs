using Hangfire;
using KiemDiemBot.Core.DirectorySync;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// The nightly roster sync: a delta round for every organisation linked to a Microsoft 365 group, each in a scope and
/// unit of work of its own (one organisation's failure neither undoes nor stops another's). A round reads from the
/// stored delta link and commits the next one with its changes, so a retry re-reads only what was not committed.
/// Registered only when the host has roster sync on (<see cref="RosterSyncSchedule"/>).
/// </summary>
public sealed partial class RosterSyncJob(IServiceScopeFactory scopes, ILogger<RosterSyncJob> logger)
{
    public const string RecurringId = "roster-sync";

    /// <summary>Hangfire's entry point: any organisation that failed fails the run, so the dashboard shows it and it is retried.</summary>
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 60 * 30)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var outcome = await SyncAllAsync(cancellationToken);
        if (outcome.Failed > 0)
        {
            throw new InvalidOperationException($"Roster sync failed for {outcome.Failed} of {outcome.Linked} linked organisations (see the log).");
        }
    }

    /// <summary>One round per linked organisation; answers how many were linked, synced and failed.</summary>
    public async Task<RosterSyncOutcome> SyncAllAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<RosterSyncLink> links;
        await using (var scope = scopes.CreateAsyncScope())
        {
            links = await scope.ServiceProvider.GetRequiredService<IRosterSync>().ListLinksAsync(cancellationToken);
        }
        var synced = 0;
        var failed = 0;
        foreach (var link in links)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<IRosterSync>().SyncAsync(link.OrganisationId, cancellationToken);
                await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
                if (report is not null)
                {
                    Synced(logger, link.OrganisationId, report.Round, report.Matched.Count, report.NewInGroup.Count, report.MissingFromGroup.Count, report.Left.Count);
                    synced++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                SyncFailed(logger, link.OrganisationId, exception.GetType().Name, exception);
                failed++;
            }
        }
        return new RosterSyncOutcome(links.Count, synced, failed);
    }

    /// <summary>Registers the nightly run at <paramref name="schedule"/>'s time in Vietnam (stable id).</summary>
    public static void Schedule(IRecurringJobManager jobs, RosterSyncSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(schedule);
        jobs.AddOrUpdate<RosterSyncJob>(
            RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Daily(schedule.NightlyAt.Hours, schedule.NightlyAt.Minutes),
            new RecurringJobOptions { TimeZone = VietnamTime.Zone });
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Roster sync of organisation {OrganisationId} ({Round}): {Matched} matched, {NewInGroup} new in the group, {Missing} not in the group, {Left} left")]
    private static partial void Synced(ILogger logger, Guid organisationId, RosterSyncRound round, int matched, int newInGroup, int missing, int left);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Roster sync of organisation {OrganisationId} failed ({Failure})")]
    private static partial void SyncFailed(ILogger logger, Guid organisationId, string failure, Exception exception);
}

/// <summary>When the nightly roster sync runs (Asia/Ho_Chi_Minh); registered by the host only when roster sync is on.</summary>
public sealed record RosterSyncSchedule(TimeSpan NightlyAt);

/// <summary>A nightly run's counts.</summary>
public sealed record RosterSyncOutcome(int Linked, int Synced, int Failed);
