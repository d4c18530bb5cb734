using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>
/// Runs node/validate-cards.mjs (the official adaptivecards library, schema 1.5) on cards written to a
/// temporary folder. Installs the locked npm packages once, when node_modules is missing.
/// </summary>
public sealed class CardValidatorFixture : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ValidateTimeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    private readonly string _directory = typeof(CardValidatorFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "CardValidatorDirectory")
        .Value!;

    public async Task InitializeAsync()
    {
        if (Directory.Exists(Path.Combine(_directory, "node_modules", "adaptivecards")))
        {
            return;
        }
        var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], InstallTimeout);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci failed in {_directory} with exit code {install.ExitCode}:\n{install.StandardError}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<CardValidationResult> ValidateAsync(IReadOnlyList<(string Name, JsonObject Card)> cards)
    {
        var folder = Directory.CreateTempSubdirectory("kiemdiem-cards-");
        try
        {
            var files = new List<string>();
            foreach (var (name, card) in cards)
            {
                var file = Path.Combine(folder.FullName, name + ".json");
                await File.WriteAllTextAsync(file, card.ToJsonString());
                files.Add(file);
            }
            var run = await RunAsync("node", ["validate-cards.mjs", .. files], ValidateTimeout);
            var events = run.StandardOutput
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => JsonSerializer.Deserialize<CardValidationEvent>(line, EventJson)!)
                .ToList();
            return new CardValidationResult(run.ExitCode, events, run.StandardError);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<ProcessOutput> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = _directory,
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
            return new ProcessOutput(process.ExitCode, await standardOutput, await standardError);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }
    }

    private sealed record ProcessOutput(int ExitCode, string StandardOutput, string StandardError);
}
