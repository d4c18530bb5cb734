using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Bot.Tests.TeamsApp;

/// <summary>
/// Runs node-manifest/validate-manifest.mjs: the official Teams manifest JSON schema shipped inside the npm
/// package @microsoft/app-manifest, checked with Ajv (draft-04) and ajv-formats, offline. Installs the locked npm
/// packages once (npm ci from package-lock.json, no install scripts) when node_modules is missing.
/// </summary>
public sealed class ManifestValidatorFixture : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ValidateTimeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions ErrorJson = new(JsonSerializerDefaults.Web);

    private readonly string directory = typeof(ManifestValidatorFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "ManifestValidatorDirectory")
        .Value!;

    public async Task InitializeAsync()
    {
        if (Directory.Exists(Path.Combine(directory, "node_modules", "@microsoft", "app-manifest"))
            && Directory.Exists(Path.Combine(directory, "node_modules", "ajv-draft-04")))
        {
            return;
        }
        var install = await RunAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], InstallTimeout);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci failed in {directory} with exit code {install.ExitCode}:\n{install.StandardError}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Validates the manifest against the schema of <paramref name="schemaVersion"/> (e.g. 1.30).</summary>
    public async Task<ManifestValidationResult> ValidateAsync(JsonObject manifest, string schemaVersion)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("kiemdiem-manifest-").FullName, "manifest.json");
        try
        {
            await File.WriteAllTextAsync(file, manifest.ToJsonString());
            var run = await RunAsync("node", ["validate-manifest.mjs", schemaVersion, file], ValidateTimeout);
            var errors = run.StandardOutput
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => JsonSerializer.Deserialize<ManifestSchemaError>(line, ErrorJson)!)
                .ToList();
            return new ManifestValidationResult(run.ExitCode, errors, run.StandardError);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private async Task<ProcessOutput> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
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

/// <summary>What the schema said: exit code 0 valid, 1 invalid, 2 unreadable; one entry per schema error.</summary>
public sealed record ManifestValidationResult(int ExitCode, IReadOnlyList<ManifestSchemaError> Errors, string Summary);

/// <summary>One Ajv error: where in the manifest (JSON pointer), which schema keyword, and its message.</summary>
public sealed record ManifestSchemaError(string InstancePath, string Keyword, string Message);

[CollectionDefinition(Name)]
public sealed class ManifestValidatorCollection : ICollectionFixture<ManifestValidatorFixture>
{
    public const string Name = "Teams manifest schema";
}
