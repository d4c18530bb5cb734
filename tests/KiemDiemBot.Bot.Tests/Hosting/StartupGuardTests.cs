using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiemDiemBot.Bot.Tests.Hosting;

/// <summary>A bad setting stops the start with one clear message that names what to fix.</summary>
public sealed class StartupGuardTests
{
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

    [Fact]
    public void Start_LocalModeInProduction_RefusesNamingTheAppIdSetting()
    {
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(Environments.Production, new Dictionary<string, string?>
        {
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
        });

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("Bot:MicrosoftAppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_AppIdWithoutPassword_RefusesNamingThePasswordVariable()
    {
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(Environments.Production, new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01",
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
        });

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("Bot__MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresNotMigrated_RefusesUntilMigrateHasRun()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
        };

        using (var unmigrated = new ConfiguredHost(Environments.Development, settings))
        {
            var error = Assert.Throws<InvalidOperationException>(() => unmigrated.CreateClient());
            Assert.Contains("-- migrate", error.Message, StringComparison.Ordinal);
        }
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddKiemDiemStorage(new StorageOptions { Provider = StorageProvider.PostgreSQL, ConnectionString = database.ConnectionString })
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }
        await services.DisposeAsync();

        using var migrated = new ConfiguredHost(Environments.Development, settings);
        var response = await migrated.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode);
    }
}
