using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Core.Tests.Storage;

/// <summary>A migrated, empty database of one provider with Core's services around it, on a fake clock.</summary>
public sealed class StorageFixture : IAsyncDisposable
{
    private readonly MigratedStorage storage;

    private StorageFixture(MigratedStorage storage, FakeTimeProvider clock)
    {
        this.storage = storage;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public static async Task<StorageFixture> CreateAsync(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 11, 20, 2, 0, 0, TimeSpan.Zero));
        return new StorageFixture(await MigratedStorage.CreateAsync(provider, clock), clock);
    }

    /// <summary>One unit of work, as a turn or a job would have.</summary>
    public AsyncServiceScope CreateScope() => storage.CreateScope();

    public ValueTask DisposeAsync() => storage.DisposeAsync();
}
