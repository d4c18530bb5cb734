using System.Globalization;
using System.Text;

namespace KiemDiemBot.TurnBench;

/// <summary>The figures of every run, printed as a markdown table with the p99 ratio to the bare endpoint.</summary>
internal sealed class ResultTable
{
    private readonly List<(int Members, TimeSpan Delay, RunResult Bot, RunResult Bare)> rows = [];

    public void Add(int members, TimeSpan delay, RunResult bot, RunResult bare) => rows.Add((members, delay, bot, bare));

    public static string Line(string what, int members, RunResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{what,-24} {members,5} members: {result.TurnsPerSecond,8:F1}/s  p50 {Ms(result.P50),8}  p99 {Ms(result.P99),8}  200 p99 {Ms(result.AcknowledgedP99),8}  CPU/turn {Cpu(result)}  ({result.Turns} measured, {result.Unexpected} unexpected, {result.Failed} failed{(result.Failed > 0 ? ": " + result.FailureReasons : "")}; other load {Cores(result)} cores{(result.JitWasQuiet ? "" : "; JIT STILL BUSY")})");

    public string ToMarkdown()
    {
        var table = new StringBuilder();
        table.AppendLine("| Members | Connector | Bot turns/s | Bot p50 | Bot p99 | Bot 200 p99 | Bot CPU/turn | Bare req/s | Bare p50 | Bare p99 | Bare CPU/req | p99 bot / bare | 200 p99 bot / bare |");
        table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (members, delay, bot, bare) in rows)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {members:N0} | {delay.TotalMilliseconds:F0} ms | {bot.TurnsPerSecond:F0} | {Ms(bot.P50)} | {Ms(bot.P99)} | {Ms(bot.AcknowledgedP99)} | {Cpu(bot)} | {bare.TurnsPerSecond:F0} | {Ms(bare.P50)} | {Ms(bare.P99)} | {Cpu(bare)} | {Ratio(bot.P99, bare.P99)} | {Ratio(bot.AcknowledgedP99, bare.P99)} |"));
        }
        table.AppendLine();
        table.AppendLine("Bot 200 p99: from the POST to its 200 alone (check the token, parse, store the activity), the part of a turn that matches the bare endpoint's whole request.");
        table.AppendLine("CPU/turn: milliseconds of CPU per answered turn (or request), this process (host, fake Connector and members) + PostgreSQL.");
        foreach (var (_, delay, bot, bare) in rows.Where(r => r.Members == 200))
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"p99 ratio at 200 members, Connector {delay.TotalMilliseconds:F0} ms: {Ratio(bot.P99, bare.P99)} (target: within 1.5x); of the 200 alone: {Ratio(bot.AcknowledgedP99, bare.P99)}."));
        }
        if (rows.Any(r => !r.Bot.JitWasQuiet || !r.Bare.JitWasQuiet))
        {
            table.AppendLine("Some runs started while the JIT was still compiling after three minutes of warm-up: their figures are low.");
        }
        var failures = rows.Sum(r => r.Bot.Unexpected + r.Bot.Failed + r.Bare.Failed);
        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Unexpected or failed turns in all runs: {failures}."));
        var others = rows.SelectMany(r => new[] { r.Bot.OtherCores, r.Bare.OtherCores }).OfType<double>().ToList();
        if (others.Count > 0)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Other work on the machine during the runs: {others.Min():F1} to {others.Max():F1} of {Environment.ProcessorCount} cores."));
        }
        return table.ToString();
    }

    private static string Ratio(TimeSpan bot, TimeSpan bare) =>
        bare > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $"{bot / bare:F1}x") : "n/a";

    /// <summary>Whole milliseconds, with a decimal below 10 ms (a bare request can take 0.2 ms).</summary>
    private static string Ms(TimeSpan value) =>
        value.TotalMilliseconds.ToString(value.TotalMilliseconds < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";

    private static string Cpu(RunResult result) => result.PostgresCpuPerTurn is { } postgres
        ? string.Create(CultureInfo.InvariantCulture, $"{result.ProcessCpuPerTurn.TotalMilliseconds:F2} + {postgres.TotalMilliseconds:F2} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{result.ProcessCpuPerTurn.TotalMilliseconds:F2} ms");

    private static string Cores(RunResult result) =>
        result.OtherCores is { } cores ? cores.ToString("F1", CultureInfo.InvariantCulture) : "?";
}
