namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// The dispatcher's lanes: a fixed number of slots, handed out strictly in the order they were asked for. A
/// caller takes its place in the line at the moment it asks (synchronously), and only the wait is asynchronous,
/// so a conversation scheduled before another keeps its place whenever its task happens to run.
/// </summary>
internal sealed class LaneSlots(int count)
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> line = new();
    private int free = count;

    /// <summary>True when someone waits for a slot (and so none is free).</summary>
    public bool AnyoneWaiting
    {
        get
        {
            lock (gate)
            {
                return line.Count > 0;
            }
        }
    }

    /// <summary>
    /// Takes a place in the line now; the task completes when a slot is the caller's, who must then
    /// <see cref="Release"/> it. A wait cancelled before that gives up the place.
    /// </summary>
    public Task TakeAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource ticket;
        lock (gate)
        {
            if (free > 0 && line.Count == 0)
            {
                free--;
                return Task.CompletedTask;
            }
            ticket = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            line.Enqueue(ticket);
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => ticket.TrySetCanceled(cancellationToken));
            _ = ticket.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return ticket.Task;
    }

    /// <summary>Hands the slot to the first one waiting (a cancelled wait is skipped), or frees it.</summary>
    public void Release()
    {
        lock (gate)
        {
            while (line.TryDequeue(out var next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }
            free++;
        }
    }
}
