using KiemDiemBot.Bot.Tests.Hosting;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.CommandLine;

/// <summary>
/// The host as <c>dotnet run --project bot/KiemDiemBot.Bot -- ARGS</c> runs it: the built KiemDiemBot.Bot.dll
/// in its own process, in an empty working folder, with a SQLite database of its own.
/// </summary>
internal static class HostProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var database = new SqliteTestDatabase();
        return await BotProcess.RunAsync(
            arguments,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__KiemDiem"] = database.ConnectionString,
            },
            Path.GetDirectoryName(database.FilePath));
    }
}
