using System.Globalization;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Resources;
using KiemDiemBot.Bot.TeamsApp;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary>
/// <c>package &lt;out.zip&gt;</c>: writes the Teams app package (manifest, colour and outline icons) for the configured
/// bot: its app id (<c>Bot:MicrosoftAppId</c>) and public host name (<c>Bot:PublicHostName</c>). Without either it
/// refuses with one line naming what to set.
/// </summary>
public sealed class PackageCommand(BotOptions bot, TextWriter output) : ICliCommand
{
    public const string CommandName = "package";

    /// <summary>Exit code when the path is missing or a needed setting is not set.</summary>
    public const int UsageExitCode = 2;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public string Name => CommandName;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1 || string.IsNullOrWhiteSpace(arguments[0]))
        {
            await output.WriteLineAsync(TeamsAppTexts.Cli_Usage);
            return UsageExitCode;
        }
        var missing = new List<string>();
        if (bot.IsLocalMode)
        {
            missing.Add($"{BotOptions.SectionName}:{nameof(BotOptions.MicrosoftAppId)}");
        }
        if (string.IsNullOrWhiteSpace(bot.PublicHostName))
        {
            missing.Add($"{BotOptions.SectionName}:{nameof(BotOptions.PublicHostName)}");
        }
        if (missing.Count > 0)
        {
            var line = string.Format(Vietnamese, TeamsAppTexts.Cli_MissingSettings,
                string.Join(TeamsAppTexts.Cli_And, missing), missing[0].Replace(":", "__", StringComparison.Ordinal));
            await output.WriteLineAsync(line);
            return UsageExitCode;
        }

        // Start-up validation has checked both: the app id is a GUID, the host name a DNS name.
        var appId = Guid.Parse(bot.MicrosoftAppId!);
        var hostName = bot.PublicHostName!;
        var path = Path.GetFullPath(arguments[0]);
        if (Path.GetDirectoryName(path) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await File.WriteAllBytesAsync(path, TeamsAppPackage.Build(appId, hostName, bot.TeamsApp), cancellationToken);
        await output.WriteLineAsync(string.Format(Vietnamese, TeamsAppTexts.Cli_Written, path, appId, hostName));
        return 0;
    }
}
