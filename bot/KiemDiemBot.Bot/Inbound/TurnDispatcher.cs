using System.Globalization;
using KiemDiemBot.Bot.Turns;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.Extensions.Options;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// Processes the stored turns: each conversation in a lane of its own, one thing at a time in arrival order
/// (first the earlier turns' undelivered replies, then the next turn), up to <see cref="TurnPipelineOptions.Lanes"/>
/// conversations at once. A lane holds the conversation's lease in the database, so with several instances on
/// one PostgreSQL database a conversation is processed by one of them at a time; a dead instance's lease expires.
/// Work arrives by a hint from this instance's endpoint (<see cref="TurnSignal"/>) or by polling the database,
/// which also finds what a restart left behind, retries after their back-off, and other instances' turns.
/// Lanes take turns: while other conversations wait for a lane, a lane that has run one turn (and sent its
/// replies) gives its lane back and queues behind them, so a busy conversation cannot keep a lane for itself.
/// </summary>
internal sealed class TurnDispatcher(
    IServiceScopeFactory scopes,
    TurnSignal signal,
    IOptions<TurnPipelineOptions> settings,
    StorageOptions storage,
    TimeProvider clock,
    ILogger<TurnDispatcher> logger) : BackgroundService
{
    /// <summary>How often one turn is run again after losing a race before that counts as a failed attempt.</summary>
    private const int MaxRaces = 5;

    private readonly TurnPipelineOptions options = settings.Value;
    private readonly string owner = OwnerName();
    private readonly Lock gate = new();
    private readonly Dictionary<ConversationKey, Lane> lanes = [];
    private readonly HashSet<Task> running = [];
    private readonly LaneSlots slots = new(settings.Value.Lanes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            // The embedded database has one instance: leases left behind are its own previous run's, which
            // died; waiting for them to expire would only delay the turns it left.
            await QueueDoAsync(q => q.ForgetAllLeasesAsync(stoppingToken)).ConfigureAwait(false);
        }
        var listening = ListenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await PollAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(options.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
        await listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] stillRunning;
        lock (gate)
        {
            stillRunning = [.. running];
        }
        await Task.WhenAll(stillRunning).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await foreach (var conversation in signal.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            Schedule(conversation, stoppingToken);
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var queue = scope.ServiceProvider.GetRequiredService<ITurnQueue>();
                foreach (var conversation in await queue.FindReadyAsync(owner, options.Lanes * 2, stoppingToken).ConfigureAwait(false))
                {
                    Schedule(conversation, stoppingToken);
                }
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.DispatchFailed(exception);
        }
    }

    /// <summary>Starts a lane for the conversation, or tells its running lane to look again before it stops.</summary>
    private void Schedule(ConversationKey conversation, CancellationToken stoppingToken)
    {
        Lane lane;
        Task slot;
        lock (gate)
        {
            if (lanes.TryGetValue(conversation, out var existing))
            {
                existing.Dirty = true;
                return;
            }
            lane = new Lane();
            lanes[conversation] = lane;
            // In line for a slot from now on, not from when its task first runs.
            slot = slots.TakeAsync(stoppingToken);
        }
        var task = RunLaneAsync(conversation, lane, slot, stoppingToken);
        lock (gate)
        {
            if (!task.IsCompleted)
            {
                running.Add(task);
            }
        }
        _ = task.ContinueWith(
            finished =>
            {
                lock (gate)
                {
                    running.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunLaneAsync(ConversationKey conversation, Lane lane, Task slot, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var acquiredSlot = false;
        try
        {
            await slot.ConfigureAwait(false);
            acquiredSlot = true;
            while (true)
            {
                lock (gate)
                {
                    lane.Dirty = false;
                }
                var leased = await WithQueueAsync(q => q.TryLeaseWithNextAsync(conversation, owner, options.LeaseDuration, stoppingToken)).ConfigureAwait(false);
                if (!leased.Leased)
                {
                    // Another instance holds it and runs what is due.
                    if (TryRetire(conversation, lane))
                    {
                        break;
                    }
                    continue;
                }
                var end = await DrainAsync(conversation, leased.Work, stoppingToken).ConfigureAwait(false);
                if (end == DrainEnd.OthersWaiting)
                {
                    // Queue behind the conversations waiting for a lane, keeping the lease: the wait is a few
                    // turns of others, and the lease is renewed when the lane runs again.
                    slots.Release();
                    acquiredSlot = false;
                    await slots.TakeAsync(stoppingToken).ConfigureAwait(false);
                    acquiredSlot = true;
                    continue;
                }
                if (end == DrainEnd.NothingDue)
                {
                    lock (gate)
                    {
                        if (lane.Dirty)
                        {
                            continue;
                        }
                    }
                    await QueueDoAsync(q => q.ReleaseAsync(conversation, owner, CancellationToken.None)).ConfigureAwait(false);
                }
                // A hint that came during the release: take the lease again and look once more.
                if (TryRetire(conversation, lane))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left stays stored; give the conversation back so another instance need not
            // wait for the lease to expire (after a crash it does wait).
            await QueueDoAsync(q => q.ReleaseAsync(conversation, owner, CancellationToken.None)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception exception)
        {
            logger.DispatchFailed(exception);
        }
        finally
        {
            lock (gate)
            {
                if (lanes.TryGetValue(conversation, out var current) && current == lane)
                {
                    lanes.Remove(conversation);
                }
            }
            if (acquiredSlot)
            {
                slots.Release();
            }
        }
    }

    /// <summary>
    /// Works through the conversation, starting with <paramref name="first"/> (read with the lease), until nothing
    /// is due, or until it has run a turn and sent its replies while other conversations wait for a lane; renews
    /// the lease as it goes.
    /// </summary>
    private async Task<DrainEnd> DrainAsync(ConversationKey conversation, ConversationWork? first, CancellationToken stoppingToken)
    {
        var renewAt = clock.GetUtcNow() + options.LeaseDuration / 2;
        var ranTurn = false;
        var looked = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (clock.GetUtcNow() >= renewAt)
            {
                if (!await WithQueueAsync(q => q.TryLeaseAsync(conversation, owner, options.LeaseDuration, stoppingToken)).ConfigureAwait(false))
                {
                    return DrainEnd.NothingDue;
                }
                renewAt = clock.GetUtcNow() + options.LeaseDuration / 2;
            }
            var work = looked ? first : await WithQueueAsync(q => q.NextAsync(conversation, stoppingToken)).ConfigureAwait(false);
            looked = false;
            if (work is null || work.DueAt > clock.GetUtcNow())
            {
                return DrainEnd.NothingDue;
            }
            if (work.DeliveryId is { } deliveryId)
            {
                await DeliverAsync(deliveryId, committed: null, stoppingToken).ConfigureAwait(false);
            }
            else if (work.Turn is { } turn)
            {
                if (ranTurn && slots.AnyoneWaiting)
                {
                    return DrainEnd.OthersWaiting;
                }
                await RunTurnAsync(turn, stoppingToken).ConfigureAwait(false);
                ranTurn = true;
                if (await WithQueueAsync(q => q.TryReleaseIfIdleAsync(conversation, owner, stoppingToken)).ConfigureAwait(false))
                {
                    return DrainEnd.Released;
                }
            }
        }
        return DrainEnd.NothingDue;
    }

    /// <summary>Runs the turn, then sends the replies it committed, in order, without reading them back.</summary>
    private async Task RunTurnAsync(PendingTurn turn, CancellationToken stoppingToken)
    {
        foreach (var reply in await ProcessTurnAsync(turn, stoppingToken).ConfigureAwait(false))
        {
            // A reply that could not be sent stays pending, and so do the ones after it: the next
            // round takes them up in order.
            if (!await DeliverAsync(reply.Id, reply, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<IReadOnlyList<PendingDelivery>> ProcessTurnAsync(PendingTurn turn, CancellationToken stoppingToken)
    {
        var turnId = turn.Id;
        using var deadline = new CancellationTokenSource(options.Deadline, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        for (var race = 1; ; race++)
        {
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    return await scope.ServiceProvider.GetRequiredService<TurnProcessor>().ProcessAsync(turn, linked.Token).ConfigureAwait(false);
                }
            }
            catch (ConcurrentChangeException) when (race < MaxRaces && !linked.IsCancellationRequested)
            {
                // Lost a race (the same card submitted from another conversation): run the turn again from the
                // start in a fresh scope; it now sees the newer state. Not the turn's fault, so not an attempt.
                logger.TurnRaced(turnId, race);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                await RecordTurnFailureAsync(turnId, exception, deadline.IsCancellationRequested, stoppingToken).ConfigureAwait(false);
                return [];
            }
        }
    }

    private async Task RecordTurnFailureAsync(long turnId, Exception exception, bool deadlinePassed, CancellationToken stoppingToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var services = scope.ServiceProvider;
            var inbox = services.GetRequiredService<ITurnInbox>();
            var failure = await inbox.RecordFailureAsync(turnId, options.MaxAttempts, options.RetryBackOff, permanent: false, stoppingToken).ConfigureAwait(false);
            if (failure.Outcome == TurnFailureOutcome.GaveUp && failure.Payload is not null)
            {
                await services.GetRequiredService<TurnFailureNotice>().StageForInboundAsync(turnId, failure.Payload, stoppingToken).ConfigureAwait(false);
            }
            await services.GetRequiredService<IUnitOfWork>().CommitAsync(stoppingToken).ConfigureAwait(false);
            logger.TurnFailed(exception, turnId, failure.Attempts, deadlinePassed, failure.Outcome.ToString());
        }
    }

    /// <summary>
    /// Sends one outbox row: read from the outbox, or, when <paramref name="committed"/> is given, as its turn
    /// has just committed it. False when it was not sent (failed and recorded, the conversation is blocked, or a
    /// proactive message was put back until its send slot: the lane then finds nothing due and is freed).
    /// </summary>
    private async Task<bool> DeliverAsync(long deliveryId, PendingDelivery? committed, CancellationToken stoppingToken)
    {
        using var deadline = new CancellationTokenSource(options.Deadline, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
                var outcome = committed is null
                    ? await sender.SendAsync(deliveryId, linked.Token).ConfigureAwait(false)
                    : await sender.SendCommittedAsync(committed, linked.Token).ConfigureAwait(false);
                if (outcome == SendOutcome.Blocked)
                {
                    logger.DeliveryBlocked(deliveryId);
                }
                return outcome == SendOutcome.Sent;
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            await RecordDeliveryFailureAsync(deliveryId, exception, deadline.IsCancellationRequested, stoppingToken).ConfigureAwait(false);
            return false;
        }
    }

    private async Task RecordDeliveryFailureAsync(long deliveryId, Exception exception, bool deadlinePassed, CancellationToken stoppingToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var services = scope.ServiceProvider;
            var outbox = services.GetRequiredService<ITurnOutbox>();
            var delivery = await outbox.LoadPendingAsync(deliveryId, stoppingToken).ConfigureAwait(false);
            if (delivery is null)
            {
                return;
            }
            var outcome = await outbox.RecordFailureAsync(
                deliveryId, options.MaxAttempts, options.RetryBackOff, OutboxSender.IsPermanent(exception), OutboxSender.ErrorCode(exception), stoppingToken).ConfigureAwait(false);
            if (outcome == DeliveryFailureOutcome.GaveUp)
            {
                await services.GetRequiredService<TurnFailureNotice>().StageForUndeliveredAsync(delivery, stoppingToken).ConfigureAwait(false);
            }
            await services.GetRequiredService<IUnitOfWork>().CommitAsync(stoppingToken).ConfigureAwait(false);
            logger.DeliveryFailed(exception, deliveryId, deadlinePassed, outcome.ToString());
        }
    }

    /// <summary>This instance's name on its leases: unique per start, readable in the table.</summary>
    private static string OwnerName()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        return name.Length <= 128 ? name : name[^128..];
    }

    private async Task<T> WithQueueAsync<T>(Func<ITurnQueue, Task<T>> action)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await action(scope.ServiceProvider.GetRequiredService<ITurnQueue>()).ConfigureAwait(false);
        }
    }

    private async Task QueueDoAsync(Func<ITurnQueue, Task> action)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await action(scope.ServiceProvider.GetRequiredService<ITurnQueue>()).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends the lane unless a hint came since it last looked. The check and the removal are one step: a hint that
    /// found the lane still listed must be seen by it, or the turn would wait for the next poll.
    /// </summary>
    private bool TryRetire(ConversationKey conversation, Lane lane)
    {
        lock (gate)
        {
            if (lane.Dirty)
            {
                return false;
            }
            lanes.Remove(conversation);
            return true;
        }
    }

    private sealed class Lane
    {
        public bool Dirty { get; set; }
    }

    private enum DrainEnd
    {
        /// <summary>Nothing is due now; the lease is still held.</summary>
        NothingDue,

        /// <summary>A turn ran, nothing else was due, and the lease was given up in the same statement.</summary>
        Released,

        /// <summary>A turn was run and its replies sent, and other conversations wait for a lane.</summary>
        OthersWaiting,
    }
}
