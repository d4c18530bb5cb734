using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Core.Tests.Storage;

/// <summary>A migrated, empty database of one provider with Core's services around it.</summary>
public sealed class StorageFixture : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly IAsyncDisposable? postgres;
    private readonly IDisposable? sqlite;

    private StorageFixture(ServiceProvider services, IAsyncDisposable? postgres, IDisposable? sqlite, FakeTimeProvider clock)
    {
        this.services = services;
        this.postgres = postgres;
        this.sqlite = sqlite;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public static async Task<StorageFixture> CreateAsync(StorageProvider provider)
    {
        IAsyncDisposable? postgres = null;
        IDisposable? sqlite = null;
        string connectionString;
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
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddKiemDiemStorage(new StorageOptions { Provider = provider, ConnectionString = connectionString })
            .BuildServiceProvider(validateScopes: true);
        var fixture = new StorageFixture(services, postgres, sqlite, clock);
        await using var scope = fixture.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return fixture;
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
