using System.Diagnostics;
using System.Globalization;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// What one run measured over its window: answered turns per second and their latency, and the latency of the
/// POST's 200 alone (what the Bot Connector waits for; for the bare endpoint the same as the turn); the CPU this process
/// (host, fake Connector and members) and PostgreSQL used per answered turn; and how many cores the rest of the
/// machine kept busy meanwhile (other work on a shared machine).
/// </summary>
internal sealed record RunResult(
    int Turns, double TurnsPerSecond, TimeSpan P50, TimeSpan P99, TimeSpan AcknowledgedP99, int Unexpected, int Failed, string FailureReasons,
    TimeSpan ProcessCpuPerTurn, TimeSpan? PostgresCpuPerTurn, double? OtherCores, bool JitWasQuiet);

/// <summary>
/// A closed loop: every member runs its turns one after another, all members at once. The window opens after
/// the warm-up, once every member has had a first answer (so that the start-up burst is not measured) and the JIT
/// has calmed down (<see cref="JitActivity"/>), and stays open for the measured time; then the members finish
/// the turn in hand and stop. Throughput counts the turns answered inside the window; latencies are theirs.
/// </summary>
internal static class LoadRun
{
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromMinutes(3);

    public static async Task<RunResult> RunAsync(
        string label, IReadOnlyList<IMemberSession> sessions, TimeSpan warmUp, TimeSpan measured, CpuMeter cpu, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var window = new Window();
        var waiting = sessions.Count;
        var everyoneAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var members = sessions.Select(session => RunMemberAsync(session, window, () =>
        {
            if (Interlocked.Decrement(ref waiting) == 0)
            {
                everyoneAnswered.TrySetResult();
            }
        }, cancellationToken)).ToList();

        await Task.WhenAll(Task.Delay(warmUp, cancellationToken), everyoneAnswered.Task.WaitAsync(MaxWarmUp, cancellationToken));
        var jitWasQuiet = await JitActivity.WaitUntilQuietAsync(MaxWarmUp, cancellationToken);
        var opened = Stopwatch.GetTimestamp();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: measuring {measured.TotalSeconds:F0} s after {Stopwatch.GetElapsedTime(started, opened).TotalSeconds:F0} s of warm-up{(jitWasQuiet ? "" : " (the JIT is still busy)")}"));
        window.Open(opened, opened + (long)(measured.TotalSeconds * Stopwatch.Frequency));
        var before = cpu.Read();
        await Task.Delay(measured, cancellationToken);
        var used = cpu.Read().Since(before);
        var timings = (await Task.WhenAll(members)).SelectMany(t => t).ToList();

        var inWindow = timings.Where(t => t.End >= window.Start && t.End < window.End).ToList();
        var latencies = inWindow.Where(t => t.Outcome != TurnOutcome.Failed).Select(t => t.End - t.Start).Order().ToList();
        var acknowledgements = inWindow.Where(t => t.Acknowledged != 0).Select(t => t.Acknowledged - t.Start).Order().ToList();
        return new RunResult(
            latencies.Count,
            latencies.Count / measured.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            Percentile(acknowledgements, 0.99),
            timings.Count(t => t.Outcome == TurnOutcome.Unexpected),
            timings.Count(t => t.Outcome == TurnOutcome.Failed),
            string.Join(", ", timings.Where(t => t.Failure is not null).GroupBy(t => t.Failure).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}")),
            used.Process / Math.Max(1, latencies.Count),
            used.Postgres / Math.Max(1, latencies.Count),
            // Measured separately, the parts can sum to a hair over the whole: that is no other work.
            (used.MachineBusy - used.Process - used.Postgres) / used.MachineTotal * Environment.ProcessorCount is { } others ? Math.Max(0, others) : null,
            jitWasQuiet);
    }

    private static async Task<List<TurnTiming>> RunMemberAsync(IMemberSession session, Window window, Action firstAnswer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        List<TurnTiming> timings = [];
        while (Stopwatch.GetTimestamp() < window.End && !cancellationToken.IsCancellationRequested)
        {
            timings.Add(await session.StepAsync(cancellationToken));
            if (timings.Count == 1)
            {
                firstAnswer();
            }
        }
        return timings;
    }

    /// <summary>Nearest rank.</summary>
    private static TimeSpan Percentile(List<long> sorted, double quantile) =>
        sorted.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Count) - 1)]);

    private sealed class Window
    {
        private long start = long.MaxValue;
        private long end = long.MaxValue;

        public long Start => Volatile.Read(ref start);

        public long End => Volatile.Read(ref end);

        public void Open(long from, long until)
        {
            Volatile.Write(ref start, from);
            Volatile.Write(ref end, until);
        }
    }
}
