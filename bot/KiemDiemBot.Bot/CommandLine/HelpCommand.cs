using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary><c>help</c> (also <c>--help</c>, <c>-h</c>): prints every command and what it does, in Vietnamese.</summary>
public sealed class HelpCommand(TextWriter output) : ICliCommand
{
    public const string CommandName = "help";

    /// <summary>The spellings that ask for this help instead of starting the host.</summary>
    public static readonly IReadOnlyList<string> Aliases = [CommandName, "--help", "-h", "-?", "/?"];

    public string Name => CommandName;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        foreach (var line in RosterCommandTexts.Help)
        {
            await output.WriteLineAsync(line);
        }
        return 0;
    }
}
