using System.Diagnostics;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// Prepares a PostgreSQL database the way an operator does before the first start: the host's own
/// <c>migrate</c> command (<c>dotnet KiemDiemBot.Bot.dll migrate</c>), which applies what the host needs in the
/// database and never runs at start.
/// </summary>
internal static class HostMigration
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KiemDiemBot.Bot.dll"));
        start.ArgumentList.Add("migrate");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__Provider"] = "PostgreSQL";
        start.Environment["ConnectionStrings__KiemDiem"] = connectionString;
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
            throw new TimeoutException($"'migrate' did not finish within {Timeout.TotalSeconds} s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'migrate' failed with exit code {process.ExitCode}: {await output}{await error}");
        }
        Console.WriteLine("migrate: " + (await output).Trim());
    }
}
