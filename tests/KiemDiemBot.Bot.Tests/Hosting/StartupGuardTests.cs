using System.Net;
using Hangfire;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KiemDiemBot.Bot.Tests.Hosting;

/// <summary>A bad setting stops the start with one clear message that names what to fix.</summary>
public sealed class StartupGuardTests
{
    private const string AppId = "5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01";
    private const string TenantId = "0c7e2a51-3f4b-4d6e-8a9b-1c2d3e4f5a6b";

    private sealed class ConfiguredHost(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Test")]
    public void Start_LocalModeOutsideDevelopment_RefusesInOneLineNamingTheFix(string environment)
    {
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(environment, new Dictionary<string, string?>
        {
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
        });

        var error = Assert.Throws<StartupRefusedException>(() => host.CreateClient());

        AssertOneLine(error.Message);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:MicrosoftAppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_AppIdAlone_RefusesNamingThePasswordAndTheTenant()
    {
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(Environments.Production, new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
        });

        var error = Assert.Throws<StartupRefusedException>(() => host.CreateClient());

        AssertOneLine(error.Message);
        Assert.Contains("Bot:MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot__MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SeveralBadSettings_OneLineListsEveryBadKeyAndNoValue()
    {
        const string secret = "s3cret-value-never-printed";
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(Environments.Production, new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = secret,
            ["Bot:MicrosoftAppTenantId"] = "contoso.onmicrosoft.com",
            ["Bot:AllowedTenants:0"] = TenantId,
            ["Bot:AllowedTenants:1"] = "50612dbb-7a3c-4e1f-9b2d",
            ["Bot:MaxActivityBytes"] = "0",
            ["Bot:ConnectorHosts:0"] = "https://smba.trafficmanager.net/teams/",
            ["Bot:ConnectorRetry:AttemptTimeout"] = "soon",
            ["Bot:TenantAllowList:0"] = TenantId,
            ["Storage:Provider"] = "Oracle",
            ["Scheduler:DashboardEnabled"] = "sometimes",
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
        });

        var error = Assert.Throws<StartupRefusedException>(() => host.CreateClient());

        AssertOneLine(error.Message);
        Assert.All(
            [
                "Bot:MicrosoftAppTenantId", "Bot:AllowedTenants:1", "Bot:MaxActivityBytes", "Bot:ConnectorHosts:0",
                "Bot:ConnectorRetry:AttemptTimeout", "Bot:TenantAllowList", "Storage:Provider", "Scheduler:DashboardEnabled",
            ],
            key => Assert.Contains(key, error.Message, StringComparison.Ordinal));
        Assert.Contains("(8 to fix)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot:AllowedTenants:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ListSettings_ReplaceTheirDefaults()
    {
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(Environments.Production, TeamsSettings(database, new Dictionary<string, string?>
        {
            ["Bot:ConnectorHosts:0"] = "smba.infra.gcc.teams.microsoft.com",
            ["Bot:AllowedChannels:0"] = "msteams",
        }));

        using var client = host.CreateClient();
        var bot = host.Services.GetRequiredService<BotOptions>();

        Assert.Equal(["smba.infra.gcc.teams.microsoft.com"], bot.ConnectorHosts);
        Assert.Equal(["msteams"], bot.AllowedChannels);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task GetJobsDashboard_LocalMode_Served()
    {
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(Environments.Development, new Dictionary<string, string?>
        {
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
        });

        var response = await host.CreateClient().GetAsync(new Uri(JobsExtensions.DashboardPath, UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Start_PostgresNotMigrated_RefusesUntilMigrateHasRun()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var settings = PostgresSettings(database);

        using (var unmigrated = new ConfiguredHost(Environments.Development, settings))
        {
            var error = Assert.Throws<StartupRefusedException>(() => unmigrated.CreateClient());
            AssertOneLine(error.Message);
            Assert.Contains("-- migrate", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0, await RunMigrateAsync(database));

        using var migrated = new ConfiguredHost(Environments.Development, settings);
        var response = await migrated.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Start_PostgresWithoutHangfireSchema_RefusesAndCreatesNoHangfireSchema()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        // The database as an older 'migrate' left it: the bot's tables, not Hangfire's.
        await using (var services = StorageServices(database))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        using (var host = new ConfiguredHost(Environments.Development, PostgresSettings(database)))
        {
            var error = Assert.Throws<StartupRefusedException>(() => host.CreateClient());
            Assert.Contains(JobStorageSchema.SchemaName, error.Message, StringComparison.Ordinal);
            Assert.Contains("-- migrate", error.Message, StringComparison.Ordinal);
        }
        // Hangfire's storage as the host configures it does not create the schema when it is built either.
        // (AddLogging: Hangfire keeps a process-wide log provider, which must not be a disposed test host's.)
        await using (var hangfire = new ServiceCollection()
            .AddLogging()
            .AddHangfire(configuration => configuration.UseKiemDiemJobStorage(PostgresStorage(database)))
            .BuildServiceProvider())
        {
            Assert.NotNull(hangfire.GetRequiredService<JobStorage>());
        }

        Assert.False(await HasHangfireSchemaAsync(database));
    }

    [Fact]
    public async Task Migrate_FreshPostgresTwice_InstallsHangfireSchemaOnce()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var first = await RunMigrateAsync(database);
        var second = await RunMigrateAsync(database);

        Assert.Equal((0, 0), (first, second));
        Assert.True(await HasHangfireSchemaAsync(database));
        await using (var services = StorageServices(database))
        {
            Assert.True(await services.GetRequiredService<JobStorageSchema>().IsCurrentAsync(CancellationToken.None));
        }
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var versions = new NpgsqlCommand("""SELECT count(*) FROM "hangfire"."schema" """, connection);
        Assert.Equal(1L, await versions.ExecuteScalarAsync());
    }

    private static Dictionary<string, string?> TeamsSettings(SqliteTestDatabase database, Dictionary<string, string?> more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret-not-used",
            ["Bot:MicrosoftAppTenantId"] = TenantId,
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static void AssertOneLine(string message) =>
        Assert.DoesNotContain(message, c => c is '\n' or '\r');

    private static StorageOptions PostgresStorage(PostgresTestDatabase database) =>
        new() { Provider = StorageProvider.PostgreSQL, ConnectionString = database.ConnectionString };

    private static Dictionary<string, string?> PostgresSettings(PostgresTestDatabase database) => new()
    {
        ["Storage:Provider"] = "PostgreSQL",
        ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
    };

    private static ServiceProvider StorageServices(PostgresTestDatabase database)
    {
        var storage = PostgresStorage(database);
        return new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddKiemDiemStorage(storage)
            .AddSingleton(new JobStorageSchema(storage))
            .BuildServiceProvider();
    }

    /// <summary>The real <c>migrate</c> command in its own process, as an operator runs it.</summary>
    private static async Task<int> RunMigrateAsync(PostgresTestDatabase database)
    {
        var (exitCode, _, error) = await BotProcess.RunAsync(["migrate"], new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__KiemDiem"] = database.ConnectionString,
        });
        Assert.True(exitCode == 0, error);
        return exitCode;
    }

    private static async Task<bool> HasHangfireSchemaAsync(PostgresTestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM information_schema.schemata WHERE schema_name = @name)", connection);
        command.Parameters.AddWithValue("name", JobStorageSchema.SchemaName);
        return await command.ExecuteScalarAsync() is true;
    }
}
