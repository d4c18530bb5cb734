using KiemDiemBot.Core.Flows;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Flows;

/// <summary>The flow state store on both providers: staged changes, versions and concurrent turns.</summary>
public abstract class FlowStateStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly Guid Member = Guid.Parse("5d1f6a0e-2b7c-4e89-a3d4-9f0b1c2e3a4d");
    private static readonly FlowStateKey Sample = new(Member, Guid.Empty, "sample");

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task Stage_NewState_IsStoredAtVersionOneOnCommit()
    {
        await using (var scope = storage.CreateScope())
        {
            var staged = Store(scope).Stage(new FlowStateChange(Sample, 0, "name", """{"name":null}""", FlowStatus.Active));
            Assert.Equal(1, staged.Version);
            await Commit(scope);
        }

        var found = await FindAsync(Sample);

        Assert.NotNull(found);
        Assert.Equal("name", found.Step);
        Assert.Equal(1, found.Version);
        Assert.Equal("""{"name":null}""", found.StateJson);
        Assert.Equal(FlowStatus.Active, found.Status);
        Assert.Equal(storage.Clock.GetUtcNow(), found.UpdatedAt);
    }

    [Fact]
    public async Task Stage_WithoutCommit_StoresNothing()
    {
        await using (var scope = storage.CreateScope())
        {
            Store(scope).Stage(new FlowStateChange(Sample, 0, "name", "{}", FlowStatus.Active));
        }

        Assert.Null(await FindAsync(Sample));
    }

    [Fact]
    public async Task Stage_ChangeOfStoredState_BumpsVersionAndKeepsOneRow()
    {
        await StartAsync(Sample);

        await using (var scope = storage.CreateScope())
        {
            var store = Store(scope);
            var current = (await store.FindAsync(Sample, CancellationToken.None))!;
            var staged = store.Stage(new FlowStateChange(Sample, current.Version, "age", """{"name":"An"}""", FlowStatus.Active));
            Assert.Equal(2, staged.Version);
            await Commit(scope);
        }

        var found = await FindAsync(Sample);
        Assert.Equal(("age", 2, """{"name":"An"}"""), (found!.Step, found.Version, found.StateJson));
    }

    [Fact]
    public async Task FindAsync_NewStateStagedInThisScope_IsSeenBeforeCommit()
    {
        await using var scope = storage.CreateScope();
        var store = Store(scope);
        store.Stage(new FlowStateChange(Sample, 0, "name", "{}", FlowStatus.Active));

        var found = await store.FindAsync(Sample, CancellationToken.None);
        var active = await store.FindActiveAsync(Member, CancellationToken.None);

        Assert.Equal(1, found?.Version);
        Assert.Equal(Sample, active?.Key);
    }

    [Fact]
    public async Task CommitAsync_TwoTurnsChangeTheSameVersion_SecondThrowsConcurrencyAndFirstWins()
    {
        await StartAsync(Sample);
        await using var first = storage.CreateScope();
        await using var second = storage.CreateScope();
        var readByFirst = (await Store(first).FindAsync(Sample, CancellationToken.None))!;
        var readBySecond = (await Store(second).FindAsync(Sample, CancellationToken.None))!;
        Store(first).Stage(new FlowStateChange(Sample, readByFirst.Version, "age", """{"by":"first"}""", FlowStatus.Active));
        Store(second).Stage(new FlowStateChange(Sample, readBySecond.Version, "age", """{"by":"second"}""", FlowStatus.Active));

        await Commit(first);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() => Commit(second));

        var found = await FindAsync(Sample);
        Assert.Equal((2, """{"by":"first"}"""), (found!.Version, found.StateJson));
    }

    [Fact]
    public async Task CommitAsync_TwoTurnsStartTheSameFlow_SecondThrowsConcurrencyAndFirstWins()
    {
        await using var first = storage.CreateScope();
        await using var second = storage.CreateScope();
        Assert.Null(await Store(first).FindAsync(Sample, CancellationToken.None));
        Assert.Null(await Store(second).FindAsync(Sample, CancellationToken.None));
        Store(first).Stage(new FlowStateChange(Sample, 0, "name", """{"by":"first"}""", FlowStatus.Active));
        Store(second).Stage(new FlowStateChange(Sample, 0, "name", """{"by":"second"}""", FlowStatus.Active));

        await Commit(first);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() => Commit(second));

        var found = await FindAsync(Sample);
        Assert.Equal((1, """{"by":"first"}"""), (found!.Version, found.StateJson));
    }

    [Fact]
    public async Task Stage_BasedOnOlderVersionThanRead_ThrowsConcurrency()
    {
        await StartAsync(Sample);
        await using var scope = storage.CreateScope();
        var store = Store(scope);
        await store.FindAsync(Sample, CancellationToken.None);

        Assert.Throws<ConcurrentChangeException>(() =>
            store.Stage(new FlowStateChange(Sample, 0, "name", "{}", FlowStatus.Active)));
    }

    [Fact]
    public async Task Stage_ChangeOfStateNotReadInThisScope_Throws()
    {
        await StartAsync(Sample);
        await using var scope = storage.CreateScope();

        Assert.Throws<InvalidOperationException>(() =>
            Store(scope).Stage(new FlowStateChange(Sample, 1, "age", "{}", FlowStatus.Active)));
    }

    [Fact]
    public async Task FindActiveAsync_SeveralFlows_ReturnsTheActiveOneChangedLast()
    {
        var older = Sample with { FlowName = "older" };
        var newer = Sample with { FlowName = "newer" };
        var done = Sample with { FlowName = "done" };
        var otherMember = new FlowStateKey(Guid.NewGuid(), Guid.Empty, "latest-of-someone-else");
        await StartAsync(older);
        storage.Clock.Advance(TimeSpan.FromMinutes(1));
        await StartAsync(newer);
        storage.Clock.Advance(TimeSpan.FromMinutes(1));
        await StartAsync(done, FlowStatus.Completed);
        await StartAsync(otherMember);

        var active = await FindActiveAsync(Member);

        Assert.Equal(newer, active?.Key);
    }

    [Fact]
    public async Task FindActiveAsync_ActiveFlowCancelledInThisScope_ReturnsTheNextActiveOne()
    {
        var older = Sample with { FlowName = "older" };
        await StartAsync(older);
        storage.Clock.Advance(TimeSpan.FromMinutes(1));
        await StartAsync(Sample);
        await using var scope = storage.CreateScope();
        var store = Store(scope);
        var current = (await store.FindActiveAsync(Member, CancellationToken.None))!;

        store.Stage(new FlowStateChange(current.Key, current.Version, current.Step, current.StateJson, FlowStatus.Cancelled));
        var next = await store.FindActiveAsync(Member, CancellationToken.None);

        Assert.Equal(Sample, current.Key);
        Assert.Equal(older, next?.Key);
    }

    [Fact]
    public async Task FindAsync_SameFlowInTwoCycles_KeepsTwoStates()
    {
        var cycle2025 = Sample with { CycleId = Guid.NewGuid() };
        var cycle2026 = Sample with { CycleId = Guid.NewGuid() };
        await StartAsync(cycle2025);
        await StartAsync(cycle2026, FlowStatus.Completed);

        var found2025 = await FindAsync(cycle2025);
        var found2026 = await FindAsync(cycle2026);

        Assert.Equal(FlowStatus.Active, found2025?.Status);
        Assert.Equal(FlowStatus.Completed, found2026?.Status);
        Assert.Null(await FindAsync(Sample));
    }

    private static IFlowStateStore Store(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IFlowStateStore>();

    private static Task Commit(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);

    private async Task StartAsync(FlowStateKey key, FlowStatus status = FlowStatus.Active)
    {
        await using var scope = storage.CreateScope();
        Store(scope).Stage(new FlowStateChange(key, 0, "name", "{}", status));
        await Commit(scope);
    }

    private async Task<StoredFlowState?> FindAsync(FlowStateKey key)
    {
        await using var scope = storage.CreateScope();
        return await Store(scope).FindAsync(key, CancellationToken.None);
    }

    private async Task<StoredFlowState?> FindActiveAsync(Guid memberId)
    {
        await using var scope = storage.CreateScope();
        return await Store(scope).FindActiveAsync(memberId, CancellationToken.None);
    }
}

public sealed class SqliteFlowStateStoreTests() : FlowStateStoreTests(StorageProvider.Sqlite);

public sealed class PostgresFlowStateStoreTests() : FlowStateStoreTests(StorageProvider.PostgreSQL);
