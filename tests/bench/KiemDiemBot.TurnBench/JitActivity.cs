using System.Diagnostics;
using System.Runtime;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// Tells when the JIT has calmed down. After the first requests the runtime recompiles the hot code of the host,
/// EF Core and Npgsql in tiers for a minute or more, and on two cores that background compiler takes most of one
/// core: a run measured meanwhile measures the JIT. Steady state is what the bench reports.
/// </summary>
internal static class JitActivity
{
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(3);

    /// <summary>Share of a slice spent compiling under which the JIT counts as quiet (steady state stays under 5 %).</summary>
    private const double QuietShare = 0.10;

    /// <summary>Waits until the JIT spent less than a tenth of the last three seconds compiling; false when <paramref name="max"/> passed first.</summary>
    public static async Task<bool> WaitUntilQuietAsync(TimeSpan max, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var before = JitInfo.GetCompilationTime();
            await Task.Delay(Slice, cancellationToken);
            if (JitInfo.GetCompilationTime() - before < Slice * QuietShare)
            {
                return true;
            }
            if (Stopwatch.GetElapsedTime(started) > max)
            {
                return false;
            }
        }
    }
}
