using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary>
/// <c>import &lt;path&gt;</c>: imports the roster from an .xlsx workbook or a folder of CSV files.
/// Prints every bad row as "sheet:line: reason" and exits with 1 (nothing imported), or prints
/// what was created, updated and left unchanged and exits with 0. A path that does not exist is wrong
/// usage: one line naming it, exit code 2.
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
        var path = Path.GetFullPath(arguments[0]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            await output.WriteLineAsync(RosterCommandTexts.ImportPathNotFound(path));
            return 2;
        }
        if (!await CommandDatabase.EnsureReadyAsync(storage, migrator, output, cancellationToken))
        {
            return 3;
        }
        var result = await importer.ImportAsync(path, cancellationToken);
        foreach (var line in RosterImportReport.Describe(result))
        {
            await output.WriteLineAsync(line);
        }
        return result.Succeeded ? 0 : 1;
    }
}
