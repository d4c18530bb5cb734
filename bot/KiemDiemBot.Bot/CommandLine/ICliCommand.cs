namespace KiemDiemBot.Bot.CommandLine;

/// <summary>One maintenance command of the host (<c>dotnet run --project bot/KiemDiemBot.Bot -- NAME ...</c>).</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>Runs the command with the arguments after its name; answers the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
