using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary><c>seed-demo</c>: loads the demo organisation, or brings it back to its defined state (never duplicated).</summary>
public sealed class SeedDemoCommand(IDemoOrganisationSeeder seeder, IDatabaseMigrator migrator, StorageOptions storage, TextWriter output) : ICliCommand
{
    public string Name => "seed-demo";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!await CommandDatabase.EnsureReadyAsync(storage, migrator, output, cancellationToken))
        {
            return 3;
        }
        var result = await seeder.SeedAsync(cancellationToken);
        await output.WriteLineAsync(RosterCommandTexts.DemoSeeded);
        foreach (var line in RosterImportReport.Describe(result).Skip(1))
        {
            await output.WriteLineAsync(line);
        }
        return 0;
    }
}
