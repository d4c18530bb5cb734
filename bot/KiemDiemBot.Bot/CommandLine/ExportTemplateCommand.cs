using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary><c>export-template &lt;path&gt;</c>: writes the empty roster workbook with an example row per table and a guide sheet.</summary>
public sealed class ExportTemplateCommand(IRosterTemplate template, TextWriter output) : ICliCommand
{
    public string Name => "export-template";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            await output.WriteLineAsync(RosterCommandTexts.ExportTemplateUsage);
            return 2;
        }
        await template.WriteAsync(arguments[0], cancellationToken);
        await output.WriteLineAsync(RosterCommandTexts.TemplateWritten(Path.GetFullPath(arguments[0])));
        return 0;
    }
}
