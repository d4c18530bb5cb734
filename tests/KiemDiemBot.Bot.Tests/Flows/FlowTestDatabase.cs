using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>
/// A migrated, empty database of one provider that outlives the hosts started on it, so a test can stop a host
/// and start another on the same data (a restart). Removed on dispose.
/// </summary>
public sealed class FlowTestDatabase : IAsyncDisposable
{
    private readonly PostgresTestDatabase? postgres;
    private readonly SqliteTestDatabase? sqlite;

    private FlowTestDatabase(StorageProvider provider, PostgresTestDatabase? postgres, SqliteTestDatabase? sqlite)
    {
        Provider = provider;
        this.postgres = postgres;
        this.sqlite = sqlite;
    }

    public StorageProvider Provider { get; }

    public StorageOptions Options => new()
    {
        Provider = Provider,
        ConnectionString = postgres?.ConnectionString ?? sqlite!.ConnectionString,
    };

    public static async Task<FlowTestDatabase> CreateAsync(StorageProvider provider)
    {
        var postgres = provider == StorageProvider.PostgreSQL ? await PostgresTestDatabase.CreateAsync() : null;
        var database = new FlowTestDatabase(provider, postgres, postgres is null ? new SqliteTestDatabase() : null);
        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddKiemDiemStorage(database.Options)
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
        sqlite?.Dispose();
    }
}
