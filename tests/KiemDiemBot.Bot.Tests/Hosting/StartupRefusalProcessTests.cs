namespace KiemDiemBot.Bot.Tests.Hosting;

/// <summary>
/// A refused start as an operator sees it: the host run as its own process prints one line on standard error,
/// no stack trace, and exits with 1.
/// </summary>
public sealed class StartupRefusalProcessTests
{
    [Fact]
    public async Task Run_LocalModeOutsideDevelopment_PrintsOneLineAndExitsWithOne()
    {
        var folder = Directory.CreateTempSubdirectory("kd-refusal-");
        try
        {
            var (exitCode, output, error) = await BotProcess.RunAsync(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Staging",
                ["ConnectionStrings__KiemDiem"] = $"Data Source={Path.Combine(folder.FullName, "kiemdiem.db")}",
            });

            Assert.Equal(1, exitCode);
            Assert.Empty(output);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", line, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Run_SeveralBadSettings_PrintsOneLineListingEveryKeyAndExitsWithOne()
    {
        var (exitCode, output, error) = await BotProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot__MicrosoftAppId"] = "5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01",
            ["Bot__MicrosoftAppTenantId"] = "contoso",
            ["Bot__MaxActivityBytes"] = "0",
        });

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.All(
            ["Bot:MicrosoftAppPassword", "Bot:MicrosoftAppTenantId", "Bot:MaxActivityBytes"],
            key => Assert.Contains(key, line, StringComparison.Ordinal));
    }
}
