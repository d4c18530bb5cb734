using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.TeamsApp;

/// <summary>
/// Runs node-manifest/validate-manifest.mjs: the official Teams manifest JSON schema shipped inside the npm
/// package @microsoft/app-manifest, checked with Ajv (draft-04) and ajv-formats, offline. Installs the locked npm
/// packages once (npm ci from package-lock.json, no install scripts) when node_modules is missing.
/// </summary>
public sealed class ManifestValidatorFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions ErrorJson = new(JsonSerializerDefaults.Web);

    private readonly NodeScripts node = new(typeof(ManifestValidatorFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "ManifestValidatorDirectory")
        .Value!);

    public Task InitializeAsync() => node.EnsureInstalledAsync("@microsoft/app-manifest", "ajv-draft-04");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Validates the manifest against the schema of <paramref name="schemaVersion"/> (e.g. 1.30).</summary>
    public async Task<ManifestValidationResult> ValidateAsync(JsonObject manifest, string schemaVersion)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("kiemdiem-manifest-").FullName, "manifest.json");
        try
        {
            await File.WriteAllTextAsync(file, manifest.ToJsonString());
            var run = await node.RunNodeAsync(["validate-manifest.mjs", schemaVersion, file]);
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
