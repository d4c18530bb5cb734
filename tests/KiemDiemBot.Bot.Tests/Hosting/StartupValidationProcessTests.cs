using System.Net;
using System.Net.Sockets;
using KiemDiemBot.Testing;
using Npgsql;

namespace KiemDiemBot.Bot.Tests.Hosting;

/// <summary>
/// Required and malformed settings as an operator meets them: the host run as its own process, settings from
/// environment variables, prints one line on standard error naming the key, no stack trace, and exits with 1.
/// </summary>
public sealed class StartupValidationProcessTests
{
    private const string AppId = "5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01";
    private const string TenantId = "0c7e2a51-3f4b-4d6e-8a9b-1c2d3e4f5a6b";
    private const string Secret = "s3cret-never-printed";

    public static TheoryData<string, string> Cases => new()
    {
        { "ConnectionStrings:KiemDiem", "Storage__Provider=PostgreSQL" },
        { "ConnectionStrings:KiemDiem", "Storage__Provider=PostgreSQL|ConnectionStrings__KiemDiem=Server=db.example.org;Pasword=" + Secret },
        { "Bot:MicrosoftAppPassword", "Bot__MicrosoftAppPassword=" },
        { "Operators:ClientSecret", "Operators__ClientId=" + AppId + "|Operators__AllowedGroupId=" + TenantId },
        { "Graph:Install:TeamsAppId", "Graph__Install__TeamsAppId=kiemdiembot" },
        { "Turns:Lanes", "Turns__Lanes=0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_OneBadSetting_PrintsOneLineNamingTheKeyAndExitsWithOne(string key, string changes)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot__MicrosoftAppId"] = AppId,
            ["Bot__MicrosoftAppPassword"] = Secret,
            ["Bot__MicrosoftAppTenantId"] = TenantId,
        };
        foreach (var change in changes.Split('|'))
        {
            var equals = change.IndexOf('=', StringComparison.Ordinal);
            environment[change[..equals]] = change[(equals + 1)..];
        }

        var line = await RefusalLineAsync(environment);

        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains("(1 to fix)", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
        Assert.DoesNotContain("db.example.org", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PostgresNotListening_PrintsOneLineAboutTheDatabase()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__KiemDiem"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=kiemdiem;Username=kiemdiem;Password={Secret};Timeout=5",
        };

        var line = await RefusalLineAsync(environment);

        Assert.Contains("ConnectionStrings:KiemDiem cannot be used", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_PostgresNotListening_PrintsOneLineAboutTheDatabase()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__KiemDiem"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=kiemdiem;Username=kiemdiem;Password={Secret};Timeout=5",
        };

        var line = await RefusalLineAsync(environment, ["migrate"]);

        Assert.Contains("ConnectionStrings:KiemDiem cannot be used", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PostgresDatabaseMissing_PrintsOneLineWithPostgresReason()
    {
        var server = Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable);
        Assert.False(string.IsNullOrWhiteSpace(server), $"{PostgresTestDatabase.ServerVariable} is not set: run with tests/run-tests.sh");
        var missing = new NpgsqlConnectionStringBuilder(server) { Database = "kd_missing_" + Guid.NewGuid().ToString("N") };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__KiemDiem"] = missing.ConnectionString,
        };

        var line = await RefusalLineAsync(environment);

        Assert.Contains("3D000", line, StringComparison.Ordinal);
        Assert.Contains(missing.Database!, line, StringComparison.Ordinal);
    }

    private static async Task<string> RefusalLineAsync(Dictionary<string, string> environment, string[]? arguments = null)
    {
        var (exitCode, output, error) = await BotProcess.RunAsync(arguments ?? ["--urls", "http://127.0.0.1:0"], environment);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        return line;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
