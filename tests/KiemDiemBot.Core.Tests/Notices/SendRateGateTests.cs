using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Notices;

/// <summary>The shared send-rate gate on each provider: evenly spaced slots, bounded waits, pauses for everyone.</summary>
public abstract class SendRateGateTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Tenant = "tenant:test";
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(20);

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task ReserveAsync_ManyCallersAtOnce_SlotsEvenlySpacedFromNowNoneShared()
    {
        var start = storage.Clock.GetUtcNow();

        // Separate scopes, as separate lanes (or instances) reserve.
        var slots = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => InScopeAsync(g => g.ReserveAsync(Tenant, Spacing, CancellationToken.None))));

        var ordered = slots.Order().ToList();
        Assert.Equal(40, ordered.Distinct().Count());
        Assert.Equal(start, ordered[0]);
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.Equal(Spacing, pair.Second - pair.First));
    }

    [Fact]
    public async Task ReserveAsync_AfterAQuietSpell_NextSlotIsNowNotInThePast()
    {
        await InScopeAsync(g => g.ReserveAsync(Tenant, Spacing, CancellationToken.None));
        storage.Clock.Advance(TimeSpan.FromMinutes(3));

        var slot = await InScopeAsync(g => g.ReserveAsync(Tenant, Spacing, CancellationToken.None));

        Assert.Equal(storage.Clock.GetUtcNow(), slot);
    }

    [Fact]
    public async Task TryReserveAsync_SlotFurtherThanMaxWait_NothingReservedAndAnswersWhenTheNextSlotIs()
    {
        var start = storage.Clock.GetUtcNow();
        for (var i = 0; i < 50; i++)
        {
            Assert.True((await InScopeAsync(g => g.TryReserveAsync(Tenant, Spacing, TimeSpan.FromSeconds(1), CancellationToken.None))).Reserved);
        }

        var refused = await InScopeAsync(g => g.TryReserveAsync(Tenant, Spacing, TimeSpan.FromSeconds(1), CancellationToken.None));
        var again = await InScopeAsync(g => g.TryReserveAsync(Tenant, Spacing, TimeSpan.FromSeconds(1), CancellationToken.None));

        // 50 slots 20 ms apart fill the first second; the 51st is 1 s away, which is still within the wait.
        Assert.True(refused.Reserved);
        Assert.Equal(start.AddSeconds(1), refused.At);
        Assert.False(again.Reserved);
        Assert.Equal(start.AddMilliseconds(1_020), again.At);
        storage.Clock.Advance(TimeSpan.FromMilliseconds(100));
        var later = await InScopeAsync(g => g.TryReserveAsync(Tenant, Spacing, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.True(later.Reserved);
        Assert.Equal(start.AddMilliseconds(1_020), later.At);
    }

    [Fact]
    public async Task PauseAsync_RetryAfterOfA429_NoSlotBeforeItEndsAndAShorterPauseDoesNotShortenIt()
    {
        var start = storage.Clock.GetUtcNow();
        await InScopeAsync(g => g.ReserveAsync(Tenant, Spacing, CancellationToken.None));

        await InScopeAsync(async g => { await g.PauseAsync(Tenant, start.AddSeconds(5), CancellationToken.None); return 0; });
        await InScopeAsync(async g => { await g.PauseAsync(Tenant, start.AddSeconds(2), CancellationToken.None); return 0; });
        var first = await InScopeAsync(g => g.ReserveAsync(Tenant, Spacing, CancellationToken.None));
        var second = await InScopeAsync(g => g.ReserveAsync(Tenant, Spacing, CancellationToken.None));
        var other = await InScopeAsync(g => g.ReserveAsync("tenant:other", Spacing, CancellationToken.None));

        Assert.Equal(start.AddSeconds(5), first);
        Assert.Equal(start.AddSeconds(5) + Spacing, second);
        Assert.Equal(start, other);
    }

    [Fact]
    public async Task PauseAsync_ScopeNeverUsed_FirstSlotAfterThePause()
    {
        var start = storage.Clock.GetUtcNow();

        await InScopeAsync(async g => { await g.PauseAsync(Tenant, start.AddSeconds(3), CancellationToken.None); return 0; });
        var slot = await InScopeAsync(g => g.TryReserveAsync(Tenant, Spacing, TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.False(slot.Reserved);
        Assert.Equal(start.AddSeconds(3), slot.At);
    }

    private async Task<T> InScopeAsync<T>(Func<ISendRateGate, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        // The host's gate runs on the machine's clock; here on the fixture's fake one.
        return await action(new SendRateGate(scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>(), storage.Clock));
    }
}

public sealed class SqliteSendRateGateTests() : SendRateGateTests(StorageProvider.Sqlite);

public sealed class PostgresSendRateGateTests() : SendRateGateTests(StorageProvider.PostgreSQL);
