using System.Diagnostics;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.CommandLine;

/// <summary>
/// The host as <c>dotnet run --project bot/KiemDiemBot.Bot -- ARGS</c> runs it: the built KiemDiemBot.Bot.dll
/// in its own process, in an empty working folder, with a SQLite database of its own.
/// </summary>
internal static class HostProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var database = new SqliteTestDatabase();
        var workingFolder = Path.GetDirectoryName(database.FilePath)!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KiemDiemBot.Bot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__KiemDiem"] = database.ConnectionString;
        start.Environment["Bot__MicrosoftAppId"] = "";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within {Timeout.TotalSeconds} s for: {string.Join(' ', arguments)}");
        }
        return (process.ExitCode, await output, await error);
    }
}
