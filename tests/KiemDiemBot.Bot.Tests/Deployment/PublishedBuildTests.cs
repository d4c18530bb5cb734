using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.Deployment;

/// <summary>
/// The first deployment of docs/deploy.md, done by a machine: the Release build as <c>dotnet publish</c> writes it
/// (tests/run-tests.sh publishes it once and names the folder in KIEMDIEM_PUBLISHED_BOT; without it the test publishes
/// itself), started by the file docs/kiemdiembot.service's ExecStart names, <c>migrate</c> against a fresh PostgreSQL
/// database, then the host in Teams mode (Production, app id, tenant and secret from environment variables) with
/// its tokens from a fake Entra ID on loopback: <c>/healthz</c> answers healthy, and SIGTERM stops it cleanly.
/// </summary>
public sealed class PublishedBuildTests
{
    public const string PublishedVariable = "KIEMDIEM_PUBLISHED_BOT";

    private const string AppId = "2d4f6a8c-1b3e-4d5f-8a7c-9e1b3d5f7a9c";
    private const string TenantId = "8c6a4e2d-0f1b-4c3d-9e5f-7a1b3c5d7e9f";
    private const string Secret = "published-build-test-secret";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Healthz_PublishedBuildMigratedAndStartedInTeamsMode_AnswersHealthyAndStopsOnSigterm()
    {
        var published = await PublishedFolderAsync();
        var executable = Path.Combine(published, ServiceExecutableName());
        Assert.True(File.Exists(executable), $"docs/kiemdiembot.service starts {ServiceExecutableName()}, which dotnet publish did not write to {published}.");
        await using var database = await PostgresTestDatabase.CreateAsync();
        var storage = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__KiemDiem"] = database.ConnectionString,
        };
        var state = Directory.CreateTempSubdirectory("kd-state-");
        try
        {
            var migrate = await RunToEndAsync(executable, ["migrate"], storage, state.FullName);
            Assert.True(migrate.ExitCode == 0, $"migrate exited with {migrate.ExitCode}: {migrate.Error}");

            var entra = new FakeEntraId(AppId, Secret);
            await using var entraServer = await FakeEntraIdServer.StartAsync(entra);
            var port = FreePort();
            var environment = new Dictionary<string, string>(storage)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Bot__MicrosoftAppId"] = AppId,
                ["Bot__MicrosoftAppPassword"] = Secret,
                ["Bot__MicrosoftAppTenantId"] = TenantId,
                ["Bot__AuthorityHost"] = entraServer.Authority,
                ["SSL_CERT_FILE"] = entraServer.CertificatePemPath,
            };
            using var host = Start(executable, ["--urls", $"http://127.0.0.1:{port}"], environment, state.FullName);
            var log = new StringBuilder();
            host.OutputDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
            host.ErrorDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
            host.BeginOutputReadLine();
            host.BeginErrorReadLine();
            try
            {
                var (status, body) = await WaitForHealthAsync(host, port, log);

                Assert.True(status == HttpStatusCode.OK, $"/healthz answered {(int)status}: {body}\n{Tail(log)}");
                using var health = JsonDocument.Parse(body);
                Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
                Assert.Equal(
                    ["connector-token", "database", "job-store"],
                    health.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
                Assert.True(entra.TokenRequestCount >= 1);
                Assert.Equal(["8c6a4e2d-0f1b-4c3d-9e5f-7a1b3c5d7e9f"], entra.TokenRequestTenants.Distinct());
                using var client = new HttpClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"))).StatusCode);

                // systemd stops the service with SIGTERM: the host shuts down and exits 0.
                Assert.Equal(0, Terminate(host.Id));
                using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(45));
                await host.WaitForExitAsync(stopped.Token);
                Assert.True(host.ExitCode == 0, $"The host exited with {host.ExitCode} on SIGTERM.\n{Tail(log)}");
            }
            finally
            {
                if (!host.HasExited)
                {
                    host.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForHealthAsync(Process host, int port, StringBuilder log)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTimeOffset.UtcNow + StartLimit;
        var last = (Status: HttpStatusCode.ServiceUnavailable, Body: "(no answer yet)");
        while (DateTimeOffset.UtcNow < deadline)
        {
            Assert.False(host.HasExited, $"The host exited with {(host.HasExited ? host.ExitCode : 0)} before answering.\n{Tail(log)}");
            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                last = (response.StatusCode, await response.Content.ReadAsStringAsync());
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        return last;
    }

    /// <summary>The folder run-tests.sh published into, or a fresh publish when the test runs alone.</summary>
    private static async Task<string> PublishedFolderAsync()
    {
        if (Environment.GetEnvironmentVariable(PublishedVariable) is { Length: > 0 } given)
        {
            return given;
        }
        var root = RepositoryRoot();
        var output = Path.Combine(root, "test-artifacts", "published-by-test");
        var publish = await RunToEndAsync(
            "dotnet", ["publish", Path.Combine(root, "bot", "KiemDiemBot.Bot"), "-c", "Release", "-o", output, "--nologo"],
            new Dictionary<string, string>(), root, TimeSpan.FromMinutes(10));
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed: {publish.Output}{publish.Error}");
        return output;
    }

    /// <summary>The file name in the unit's ExecStart (the first word after it).</summary>
    private static string ServiceExecutableName()
    {
        var unit = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "kiemdiembot.service"));
        var start = Assert.Single(unit, line => line.StartsWith("ExecStart=", StringComparison.Ordinal));
        return Path.GetFileName(start["ExecStart=".Length..].Split(' ')[0]);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KiemDiemBot.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("KiemDiemBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static Process Start(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingFolder)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingFolder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in start.Environment.Keys.Where(IsSetting).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunToEndAsync(
        string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingFolder, TimeSpan? limit = null)
    {
        using var process = Start(fileName, arguments, environment, workingFolder);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish in time.");
        }
        return (process.ExitCode, await output, await error);
    }

    private static bool IsSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || name.Contains("__", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(StringBuilder log)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }

    // As systemctl stop does: SIGTERM (Process.Kill sends SIGKILL).
    private static int Terminate(int processId)
    {
        using var kill = Process.Start("kill", ["-TERM", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
