using Hangfire;
using KiemDiemBot.Core.Turns;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Deletes finished turns (inbox rows done, failed or answered) and sent or abandoned messages (outbox rows)
/// older than the retention, and expired leases: they are kept only to recognise redeliveries and to look
/// into recent failures. Pending rows are never touched. Idempotent: a retry deletes what is left.
/// </summary>
public sealed partial class PruneTurnsJob(ITurnInbox inbox, TimeProvider clock, ILogger<PruneTurnsJob> logger)
{
    public const string RecurringId = "prune-turns";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(int retentionHours, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(retentionHours);
        var deleted = await inbox.PruneAsync(cutoff, cancellationToken);
        Pruned(logger, deleted, retentionHours);
    }

    /// <summary>Registers the hourly run (stable id, so every start updates the same entry).</summary>
    public static void Schedule(IRecurringJobManager jobs, TimeSpan retention) =>
        jobs.AddOrUpdate<PruneTurnsJob>(
            RecurringId,
            job => job.RunAsync((int)Math.Ceiling(retention.TotalHours), CancellationToken.None),
            Cron.Hourly(),
            new RecurringJobOptions { TimeZone = VietnamTime.Zone });

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Pruned {Deleted} finished turn rows older than {RetentionHours} h")]
    private static partial void Pruned(ILogger logger, int deleted, int retentionHours);
}
