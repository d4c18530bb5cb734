using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Cards.Tests;

/// <summary>
/// Runs node/validate-cards.mjs (the official adaptivecards library, schema 1.5) on cards written to a
/// temporary folder. Installs the locked npm packages once (npm ci, no install scripts), when node_modules is missing.
/// </summary>
public sealed class CardValidatorFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    private readonly NodeScripts node = new(typeof(CardValidatorFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "CardValidatorDirectory")
        .Value!);

    public Task InitializeAsync() => node.EnsureInstalledAsync("adaptivecards");

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
            var run = await node.RunNodeAsync(["validate-cards.mjs", .. files]);
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
}
