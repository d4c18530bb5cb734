using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bench;

/// <summary>A fresh, migrated database of one provider with Core's services, dropped on dispose.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly IAsyncDisposable? postgres;
    private readonly IDisposable? sqlite;

    private BenchDatabase(ServiceProvider services, IAsyncDisposable? postgres, IDisposable? sqlite)
    {
        this.services = services;
        this.postgres = postgres;
        this.sqlite = sqlite;
    }

    public static async Task<BenchDatabase> CreateAsync(StorageProvider provider)
    {
        string connectionString;
        IAsyncDisposable? postgres = null;
        IDisposable? sqlite = null;
        if (provider == StorageProvider.PostgreSQL)
        {
            var database = await PostgresTestDatabase.CreateAsync();
            postgres = database;
            connectionString = database.ConnectionString;
        }
        else
        {
            var database = new SqliteTestDatabase();
            sqlite = database;
            connectionString = database.ConnectionString;
        }
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddKiemDiemStorage(new StorageOptions { Provider = provider, ConnectionString = connectionString })
            .BuildServiceProvider();
        var bench = new BenchDatabase(services, postgres, sqlite);
        await using var scope = bench.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return bench;
    }

    public AsyncServiceScope CreateScope() => services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
        sqlite?.Dispose();
    }
}
