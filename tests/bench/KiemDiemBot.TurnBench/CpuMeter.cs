using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace KiemDiemBot.TurnBench;

/// <summary>CPU time used between two readings: by this process, by the PostgreSQL cluster, and by the whole machine.</summary>
internal readonly record struct CpuUse(TimeSpan Process, TimeSpan? Postgres, TimeSpan? MachineBusy, TimeSpan? MachineTotal);

/// <summary>The CPU counters at one moment; the cluster's per process, since its backends come and go.</summary>
internal sealed record CpuReading(TimeSpan Process, IReadOnlyDictionary<int, long>? Postgres, TimeSpan? MachineBusy, TimeSpan? MachineTotal)
{
    /// <summary>What was used since <paramref name="start"/>; a backend that ended meanwhile is not counted.</summary>
    public CpuUse Since(CpuReading start) => new(
        Process - start.Process,
        Postgres is null || start.Postgres is null
            ? null
            : TimeSpan.FromSeconds(Postgres.Sum(p => p.Value - start.Postgres.GetValueOrDefault(p.Key)) / CpuMeter.TicksPerSecond),
        MachineBusy - start.MachineBusy,
        MachineTotal - start.MachineTotal);
}

/// <summary>
/// Reads how much CPU the bench process (host, fake Connector and members alike) and the PostgreSQL cluster have
/// used, so that a run reports CPU per turn: on a shared machine that moves less than throughput does. The
/// cluster's share comes from Linux's /proc (the postmaster and its children, found from a backend's parent);
/// without /proc, or with a server elsewhere, only the process is measured.
/// </summary>
internal sealed class CpuMeter
{
    /// <summary>USER_HZ, the unit of /proc's CPU times: 100 on Linux, whatever the kernel's own tick rate.</summary>
    public const double TicksPerSecond = 100.0;

    private readonly int? postmaster;

    private CpuMeter(int? postmaster) => this.postmaster = postmaster;

    public static async Task<CpuMeter> StartAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var local = connection.Host is "127.0.0.1" or "localhost" or "::1";
        return new CpuMeter(local && ParentOf(connection.ProcessID) is { } parent ? parent : null);
    }

    public CpuReading Read()
    {
        using var process = Process.GetCurrentProcess();
        return new CpuReading(process.TotalProcessorTime, postmaster is { } pid ? ClusterTime(pid) : null, MachineBusy(), MachineTotal());
    }

    private static Dictionary<int, long> ClusterTime(int postmasterPid)
    {
        var ticks = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && (pid == postmasterPid || ParentOf(pid) == postmasterPid))
            {
                if (ReadStat(pid) is { } fields)
                {
                    ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
        }
        return ticks;
    }

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] parent, ... [11] utime, [12] stime.</summary>
    private static string[]? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? ParentOf(int pid) =>
        ReadStat(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static TimeSpan? MachineBusy() => ReadMachine() is { } ticks ? TimeSpan.FromSeconds((ticks.Sum() - ticks[3] - ticks[4]) / TicksPerSecond) : null;

    private static TimeSpan? MachineTotal() => ReadMachine() is { } ticks ? TimeSpan.FromSeconds(ticks.Sum() / TicksPerSecond) : null;

    /// <summary>The first line of /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal (in clock ticks).</summary>
    private static long[]? ReadMachine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        var first = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. first.Skip(1).Take(8).Select(value => long.Parse(value, CultureInfo.InvariantCulture))];
    }
}
