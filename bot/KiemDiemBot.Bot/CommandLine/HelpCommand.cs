using KiemDiemBot.Bot.Resources;
using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary><c>help</c> (also <c>--help</c>, <c>-h</c>): prints every command and what it does, in Vietnamese.</summary>
public sealed class HelpCommand(TextWriter output) : ICliCommand
{
    public const string CommandName = "help";

    /// <summary>The spellings that ask for this help instead of starting the host.</summary>
    public static readonly IReadOnlyList<string> Aliases = [CommandName, "--help", "-h", "-?", "/?"];

    /// <summary>The host's own commands (their texts live in the Bot project), listed before <c>help</c> itself.</summary>
    private static IReadOnlyList<string> HostCommandLines => [TeamsAppTexts.Cli_HelpLine];

    public string Name => CommandName;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var lines = RosterCommandTexts.Help.ToList();
        var helpLine = lines.FindIndex(line => line.TrimStart().StartsWith(CommandName + ",", StringComparison.Ordinal));
        lines.InsertRange(helpLine < 0 ? lines.Count : helpLine, HostCommandLines);
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }
        return 0;
    }
}
