using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>
/// A fresh database of one provider (a SQLite file, or a new database on the test PostgreSQL cluster),
/// migrated (with Hangfire's tables on PostgreSQL, as 'migrate' installs them), with Core's services around it; removed on dispose. Used by tests and benchmarks alike.
/// </summary>
public sealed class MigratedStorage : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly PostgresTestDatabase? postgres;
    private readonly SqliteTestDatabase? sqlite;

    private MigratedStorage(ServiceProvider services, PostgresTestDatabase? postgres, SqliteTestDatabase? sqlite)
    {
        this.services = services;
        this.postgres = postgres;
        this.sqlite = sqlite;
    }

    public StorageProvider Provider => postgres is null ? StorageProvider.Sqlite : StorageProvider.PostgreSQL;

    /// <summary>For a host (or a second host) to use the same database.</summary>
    public string ConnectionString => postgres?.ConnectionString ?? sqlite!.ConnectionString;

    public static async Task<MigratedStorage> CreateAsync(StorageProvider provider, TimeProvider clock)
    {
        var postgres = provider == StorageProvider.PostgreSQL ? await PostgresTestDatabase.CreateAsync() : null;
        var sqlite = postgres is null ? new SqliteTestDatabase() : null;
        var connectionString = postgres?.ConnectionString ?? sqlite!.ConnectionString;
        var options = new StorageOptions { Provider = provider, ConnectionString = connectionString };
        var services = new ServiceCollection()
            .AddSingleton(clock)
            .AddKiemDiemStorage(options)
            .BuildServiceProvider(validateScopes: true);
        var storage = new MigratedStorage(services, postgres, sqlite);
        await using var scope = storage.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        if (provider == StorageProvider.PostgreSQL)
        {
            // As 'migrate' does: a host on this database also needs Hangfire's tables.
            HangfireTestLogging.PrepareInstaller();
            await new JobStorageSchema(options).InstallAsync(CancellationToken.None);
        }
        return storage;
    }

    /// <summary>One unit of work, as a turn or a job would have.</summary>
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
