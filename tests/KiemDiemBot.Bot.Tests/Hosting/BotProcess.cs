using System.Diagnostics;

namespace KiemDiemBot.Bot.Tests.Hosting;

/// <summary>
/// The built host run as its own process, <c>dotnet KiemDiemBot.Bot.dll &lt;args&gt;</c>, the way an operator runs
/// it: settings from environment variables only (none inherited from the test run), output captured.
/// </summary>
internal static class BotProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingFolder = null)
    {
        using var process = Start(arguments, environment, workingFolder);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within {Limit.TotalSeconds} s.");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the host and leaves it running; the caller reads or drains its output and ends it.</summary>
    public static Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingFolder = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingFolder ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KiemDiemBot.Bot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in start.Environment.Keys.Where(IsSetting).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static bool IsSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Bot__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Scheduler__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Graph__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Operators__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Turns__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Review__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase);

    // The dotnet that runs the tests (testhost runs under it), else the one on PATH.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? path
            : "dotnet";
}
