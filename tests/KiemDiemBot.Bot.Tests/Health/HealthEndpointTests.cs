using System.Net;
using System.Text.Json;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KiemDiemBot.Bot.Tests.Health;

/// <summary>
/// <c>/healthz</c> and <c>/readyz</c> as a load balancer calls them: no credentials, JSON with each check's status
/// and reason, 200 or 503; the real host in Teams mode with Entra ID faked at HTTP through MSAL.
/// </summary>
public sealed class HealthEndpointTests
{
    private const string AppId = "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9";
    private const string Secret = "health-test-secret-never-shown";
    private const string TenantId = "7e6d5c4b-3a29-4810-9f8e-7d6c5b4a3928";

    [Fact]
    public async Task GetHealthz_TeamsModeEverythingAnswers_200AndEveryCheckHealthy()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.PostgreSQL, TimeProvider.System);
        var entra = new FakeEntraId(AppId, Secret);
        await using var host = StartTeamsHost(storage, entra);
        using var client = host.CreateClient();

        var (status, body) = await GetAsync(client, HealthExtensions.HealthPath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(
            [("connector-token", "Healthy"), ("database", "Healthy"), ("job-store", "Healthy")],
            Checks(body).Select(c => (c.Name, c.Status)).Order());
        Assert.Equal(1, entra.TokenRequestCount);
        Assert.Empty(entra.UnhandledRequests);
    }

    [Fact]
    public async Task GetHealthz_CalledAgain_TokenComesFromTheCache()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        var entra = new FakeEntraId(AppId, Secret);
        await using var host = StartTeamsHost(storage, entra);
        using var client = host.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, HealthExtensions.HealthPath)).Status);
        }

        Assert.Equal(1, entra.TokenRequestCount);
    }

    [Fact]
    public async Task GetHealthz_EntraRefusesTheSecret_503NamingTheTokenCheckAndNoSecret()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        var entra = new FakeEntraId(AppId, "the-secret-entra-expects");
        await using var host = StartTeamsHost(storage, entra);
        using var client = host.CreateClient();

        var (status, body) = await GetAsync(client, HealthExtensions.HealthPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var token = Assert.Single(Checks(body), c => c.Name == "connector-token");
        Assert.Equal("Unhealthy", token.Status);
        Assert.Contains("invalid_client", token.Reason, StringComparison.Ordinal);
        Assert.All(Checks(body).Where(c => c.Name != "connector-token"), c => Assert.Equal("Healthy", c.Status));
        var text = body.GetRawText();
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(storage.ConnectionString, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealthz_MigrationMissingAfterStart_503SayingRunMigrateWhileReadyzStays200()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.PostgreSQL, TimeProvider.System);
        await using var host = StartTeamsHost(storage, new FakeEntraId(AppId, Secret));
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, HealthExtensions.HealthPath)).Status);

        // A newer build's migration the database has not had (as after an upgrade started without 'migrate').
        await ExecuteAsync(storage.ConnectionString,
            """DELETE FROM "__EFMigrationsHistory" WHERE migration_id = (SELECT max(migration_id) FROM "__EFMigrationsHistory")""");
        var (status, body) = await GetAsync(client, HealthExtensions.HealthPath);
        var (readyStatus, _) = await GetAsync(client, HealthExtensions.ReadyPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var database = Assert.Single(Checks(body), c => c.Name == "database");
        Assert.Equal(("Unhealthy", "1 migration(s) not applied: run migrate"), (database.Status, database.Reason));
        Assert.Equal(HttpStatusCode.OK, readyStatus);
    }

    [Fact]
    public async Task GetHealthzAndReadyz_DatabaseGone_503WithoutConnectionDetails()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.PostgreSQL, TimeProvider.System);
        await using var host = StartTeamsHost(storage, new FakeEntraId(AppId, Secret));
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, HealthExtensions.ReadyPath)).Status);

        var server = Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable)!;
        var name = new NpgsqlConnectionStringBuilder(storage.ConnectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE \"{name}\" WITH (FORCE)");
        var (status, body) = await GetAsync(client, HealthExtensions.HealthPath);
        var (readyStatus, ready) = await GetAsync(client, HealthExtensions.ReadyPath);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (status, readyStatus));
        Assert.Equal("Unhealthy", Assert.Single(Checks(body), c => c.Name == "database").Status);
        Assert.Equal("Unhealthy", Assert.Single(Checks(body), c => c.Name == "job-store").Status);
        var reachable = Assert.Single(Checks(ready), c => c.Name == "database-reachable");
        Assert.Equal("Unhealthy", reachable.Status);
        Assert.Contains("3D000", reachable.Reason, StringComparison.Ordinal);
        Assert.Equal("Healthy", Assert.Single(Checks(ready), c => c.Name == "started").Status);
        foreach (var text in new[] { body.GetRawText(), ready.GetRawText() })
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Host=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetHealthz_GraphFeatureOn_ChecksTheGraphTokenApart()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        // This Entra grants the Graph scope only: the Graph token is had, the Connector token refused.
        var entra = new FakeEntraId(AppId, Secret, "https://graph.microsoft.com/.default");
        await using var host = StartTeamsHost(storage, entra, ("Graph:Roster:Enabled", "true"));
        using var client = host.CreateClient();

        var (status, body) = await GetAsync(client, HealthExtensions.HealthPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Healthy", Assert.Single(Checks(body), c => c.Name == "graph-token").Status);
        var connector = Assert.Single(Checks(body), c => c.Name == "connector-token");
        Assert.Equal("Unhealthy", connector.Status);
        Assert.Contains("invalid_scope", connector.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReadyz_StartedOnAMigratedDatabase_200StartedAndReachable()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        await using var host = StartTeamsHost(storage, new FakeEntraId(AppId, Secret));
        using var client = host.CreateClient();

        var (status, body) = await GetAsync(client, HealthExtensions.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [("database-reachable", "Healthy"), ("started", "Healthy")],
            Checks(body).Select(c => (c.Name, c.Status)).Order());
    }

    [Theory]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("kiemdiem.example.org", HttpStatusCode.BadRequest)]
    [InlineData("192.168.1.20", HttpStatusCode.BadRequest)]
    public async Task GetHealthz_LocalMode_ObeysTheHostGuardAndHasNoTokenCheck(string hostName, HttpStatusCode expected)
    {
        using var database = new SqliteTestDatabase();
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Development);
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("ConnectionStrings:KiemDiem", database.ConnectionString);
        });
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, HealthExtensions.HealthPath);
        request.Headers.Host = hostName;

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(["database", "job-store"], Checks(body.RootElement).Select(c => c.Name).Order());
        }
    }

    private static WebApplicationFactory<Program> StartTeamsHost(MigratedStorage storage, FakeEntraId entra, params (string Key, string Value)[] more) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Production);
            web.UseSetting("Storage:Provider", storage.Provider.ToString());
            web.UseSetting("ConnectionStrings:KiemDiem", storage.ConnectionString);
            web.UseSetting("Bot:MicrosoftAppId", AppId);
            web.UseSetting("Bot:MicrosoftAppPassword", Secret);
            web.UseSetting("Bot:MicrosoftAppTenantId", TenantId);
            // Never reached: the Entra client's handler answers.
            web.UseSetting("Bot:AuthorityHost", "https://login.health.invalid");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in more)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
                services.AddHttpClient(ConnectorHttpClients.Entra).ConfigurePrimaryHttpMessageHandler(() => entra));
        });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    private static List<(string Name, string Status, string Reason)> Checks(JsonElement body) =>
        [.. body.GetProperty("checks").EnumerateArray().Select(c =>
            (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!, c.GetProperty("reason").GetString() ?? ""))];

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
