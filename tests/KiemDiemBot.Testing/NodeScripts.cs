using System.Diagnostics;

namespace KiemDiemBot.Testing;

/// <summary>
/// A folder holding a locked npm project (package.json and package-lock.json) and the node scripts tests run in
/// it, such as the official Adaptive Cards and Teams manifest validators. Installs its packages once, when one of
/// them is missing (npm ci from the lock file, no install scripts), and runs a script with a time limit.
/// </summary>
public sealed class NodeScripts(string directory)
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Runs npm ci unless every one of <paramref name="packages"/> is already in node_modules.</summary>
    public async Task EnsureInstalledAsync(params string[] packages)
    {
        if (packages.All(package => Directory.Exists(Path.Combine(directory, "node_modules", package))))
        {
            return;
        }
        var install = await RunAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], InstallTimeout);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {directory} with exit code {install.ExitCode}:\n{install.StandardError}");
        }
    }

    /// <summary>Runs <c>node &lt;arguments&gt;</c> in the folder; fails the test if it takes over a minute.</summary>
    public Task<NodeRun> RunNodeAsync(IEnumerable<string> arguments) => RunAsync("node", arguments, ScriptTimeout);

    private async Task<NodeRun> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeoutSource = new CancellationTokenSource(timeout);
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
            return new NodeRun(process.ExitCode, await standardOutput, await standardError);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }
    }
}

/// <summary>What a script printed, and its exit code.</summary>
public sealed record NodeRun(int ExitCode, string StandardOutput, string StandardError);
