using Hangfire;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// The tick: every minute, asks the plan which occasions are due now (computed from the domain each time, so
/// nothing is scheduled that a restart could lose) and runs each in its own scope and unit of work: its handler
/// stages the messages (deliveries unique per occasion and member), the plan marks it run, the commit writes both.
/// The outbox sends after the commit. A tick repeated, or run by two instances at once, stages nothing twice.
/// A failing occasion is logged by its key and left for the next tick; the others still run.
/// </summary>
public sealed partial class ReminderTickJob(
    IReminderPlanner planner,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<ReminderTickJob> logger)
{
    public const string RecurringId = "reminder-tick";

    /// <summary>
    /// How long a tick waits for the one before it (or another instance's) to finish: under a minute, so that
    /// ticks never queue up; a tick that gives up is not retried, the next minute's covers it.
    /// </summary>
    public const int LockTimeoutSeconds = 50;

    /// <summary>Hangfire's entry point: one tick (its outcome is logged, not kept in the job store).</summary>
    [DisableConcurrentExecution(LockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(CancellationToken cancellationToken) => TickAsync(cancellationToken);

    /// <summary>One tick: runs every occasion due now; answers what became of each.</summary>
    public async Task<TickOutcome> TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await planner.DueAsync(now, cancellationToken);
        var results = new List<OccasionOutcome>(due.Count);
        foreach (var occasion in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var staged = await RunOccasionAsync(occasion, cancellationToken);
                results.Add(new OccasionOutcome(occasion, staged is null ? OccasionResult.NoHandler : OccasionResult.Ran, staged ?? 0));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                results.Add(new OccasionOutcome(occasion, OccasionResult.Failed, 0));
                OccasionFailed(logger, failure, occasion.Key, occasion.Kind);
            }
        }
        var outcome = new TickOutcome(results);
        if (due.Count > 0)
        {
            Ticked(logger, due.Count, outcome.Count(OccasionResult.Ran), outcome.Staged, outcome.Count(OccasionResult.Failed));
        }
        return outcome;
    }

    /// <summary>Registers the tick every minute in Asia/Ho_Chi_Minh under <see cref="RecurringId"/> (each start updates the same entry).</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ReminderTickJob>(
            RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = VietnamTime.Zone });

    /// <summary>One occasion in its own scope and unit of work; null when no handler knows its kind (left for when one does).</summary>
    private async Task<int?> RunOccasionAsync(PlannedOccasion occasion, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // The last registered handler of a kind wins, as a service registered twice does.
        var handler = services.GetServices<IOccasionHandler>().LastOrDefault(h => h.Kind == occasion.Kind);
        if (handler is null)
        {
            NoHandler(logger, occasion.Key, occasion.Kind);
            return null;
        }
        var staged = await handler.StageAsync(occasion, cancellationToken);
        services.GetRequiredService<IReminderPlanner>().MarkRun(occasion, staged);
        await services.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
        OccasionRan(logger, occasion.Key, occasion.Kind, staged);
        return staged;
    }

    [LoggerMessage(EventId = 2111, Level = LogLevel.Information, Message = "Occasion {OccasionKey} ({Kind}) ran: {Staged} messages staged")]
    private static partial void OccasionRan(ILogger logger, string occasionKey, OccasionKind kind, int staged);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Error, Message = "Occasion {OccasionKey} ({Kind}) failed; the next tick tries it again")]
    private static partial void OccasionFailed(ILogger logger, Exception exception, string occasionKey, OccasionKind kind);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Occasion {OccasionKey} is due but no handler runs {Kind} occasions")]
    private static partial void NoHandler(ILogger logger, string occasionKey, OccasionKind kind);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Information, Message = "Reminder tick: {Due} due, {Ran} ran, {Staged} messages staged, {Failed} failed")]
    private static partial void Ticked(ILogger logger, int due, int ran, int staged, int failed);
}

/// <summary>What became of one due occasion in a tick.</summary>
public enum OccasionResult
{
    /// <summary>Its messages were staged and it was marked run, in one commit.</summary>
    Ran = 0,

    /// <summary>No handler runs its kind (yet): left due.</summary>
    NoHandler = 1,

    /// <summary>Its handler or its commit failed: nothing of it was written; the next tick tries again.</summary>
    Failed = 2,
}

/// <summary>One due occasion of a tick, what became of it, and how many messages it staged.</summary>
public sealed record OccasionOutcome(PlannedOccasion Occasion, OccasionResult Result, int Staged);

/// <summary>What one tick did, occasion by occasion.</summary>
public sealed record TickOutcome(IReadOnlyList<OccasionOutcome> Occasions)
{
    public int Staged => Occasions.Sum(o => o.Staged);

    public int Count(OccasionResult result) => Occasions.Count(o => o.Result == result);

    /// <summary>Messages staged by the occasions of one kind.</summary>
    public int StagedFor(OccasionKind kind) => Occasions.Where(o => o.Occasion.Kind == kind).Sum(o => o.Staged);
}
