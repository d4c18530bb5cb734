using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary>
/// <c>import &lt;path&gt;</c>: imports the roster from an .xlsx workbook or a folder of CSV files.
/// Prints every bad row as "sheet:line: reason" and exits with 1 (nothing imported), or prints
/// what was created, updated and left unchanged and exits with 0.
/// </summary>
public sealed class ImportCommand(IRosterImporter importer, IDatabaseMigrator migrator, StorageOptions storage, TextWriter output) : ICliCommand
{
    public string Name => "import";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            await output.WriteLineAsync(RosterCommandTexts.ImportUsage);
            return 2;
        }
        if (!await CommandDatabase.EnsureReadyAsync(storage, migrator, output, cancellationToken))
        {
            return 3;
        }
        var result = await importer.ImportAsync(arguments[0], cancellationToken);
        foreach (var line in RosterImportReport.Describe(result))
        {
            await output.WriteLineAsync(line);
        }
        return result.Succeeded ? 0 : 1;
    }
}
