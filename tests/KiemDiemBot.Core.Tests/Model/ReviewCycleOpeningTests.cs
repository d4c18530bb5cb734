using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Model;

/// <summary>Opening a cycle (staged, committed by the caller, audited) and finding the current one, on both providers.</summary>
public abstract class ReviewCycleOpeningTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Admin = "admin@khoi.gov.vn";

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<T> CommittedAsync<T>(Func<IReviewCycleService, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        var result = await action(scope.ServiceProvider.GetRequiredService<IReviewCycleService>());
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    private Task<ReviewCycleView> OpenAsync(int year, IReadOnlyDictionary<DeadlineKind, DateOnly>? deadlines = null) =>
        CommittedAsync(s => s.OpenAsync(year, RuleSetCodes.Hd21Of2022, deadlines ?? new Dictionary<DeadlineKind, DateOnly>(), Admin, CancellationToken.None));

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(Guid cycleId)
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.CycleSettings, cycleId, CancellationToken.None);
    }

    [Fact]
    public async Task OpenAsync_NewYear_IsWrittenOnlyWhenTheCallerCommits()
    {
        await using (var scope = storage.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IReviewCycleService>().OpenAsync(
                2023, RuleSetCodes.Hd21Of2022, new Dictionary<DeadlineKind, DateOnly>(), Admin, CancellationToken.None);
        }

        Assert.Null(await CommittedAsync(s => s.FindByYearAsync(2023, CancellationToken.None)));
    }

    [Fact]
    public async Task OpenAsync_NewYear_CreatesAnOpenCycleWithTheGivenAndTheSeedsDeadlines()
    {
        var opened = await OpenAsync(2023, new Dictionary<DeadlineKind, DateOnly> { [DeadlineKind.CellReview] = new(2023, 11, 28) });

        var found = await CommittedAsync(s => s.FindByYearAsync(2023, CancellationToken.None));
        Assert.Equal(opened.Id, found!.Id);
        Assert.Equal(storage.Clock.GetUtcNow(), found.OpenedAt);
        Assert.Equal(new DateOnly(2023, 11, 28), found.Deadlines[DeadlineKind.CellReview]);
        Assert.Equal(new DateOnly(2023, 12, 10), found.Deadlines[DeadlineKind.GrassrootsCommitteeReview]);
        Assert.Equal([AuditFields.CycleCreated, AuditFields.CycleOpened], (await AuditAsync(opened.Id)).Select(e => e.Field));
    }

    [Fact]
    public async Task OpenAsync_CycleBeingPrepared_OpensItAndAuditsTheChangedDeadline()
    {
        var created = await CommittedAsync(s => s.CreateAsync(2022, RuleSetCodes.Hd21Of2022, Admin, CancellationToken.None));
        Assert.Null(created.OpenedAt);

        var opened = await OpenAsync(2022, new Dictionary<DeadlineKind, DateOnly>
        {
            [DeadlineKind.CellReview] = new(2022, 11, 25),
            [DeadlineKind.ReportsUp] = new(2022, 12, 15),
        });

        Assert.Equal(created.Id, opened.Id);
        Assert.NotNull(opened.OpenedAt);
        var found = await CommittedAsync(s => s.FindAsync(created.Id, CancellationToken.None));
        Assert.Equal(new DateOnly(2022, 11, 25), found!.Deadlines[DeadlineKind.CellReview]);
        var entries = await AuditAsync(created.Id);
        Assert.Equal([AuditFields.CycleCreated, AuditFields.CycleDeadline(DeadlineKind.CellReview), AuditFields.CycleOpened], entries.Select(e => e.Field));
        Assert.All(entries, e => Assert.Equal(Admin, e.Actor));
    }

    [Fact]
    public async Task OpenAsync_Again_KeepsWhenItWasFirstOpened()
    {
        var first = await OpenAsync(2022);
        storage.Clock.Advance(TimeSpan.FromDays(2));

        var again = await OpenAsync(2022);

        Assert.Equal(first.OpenedAt, again.OpenedAt);
        Assert.Equal(first.OpenedAt, (await CommittedAsync(s => s.FindCurrentAsync(CancellationToken.None)))!.OpenedAt);
    }

    [Fact]
    public async Task OpenAsync_UnknownRuleSet_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CommittedAsync(s =>
            s.OpenAsync(2022, "QD999", new Dictionary<DeadlineKind, DateOnly>(), Admin, CancellationToken.None)));
    }

    [Fact]
    public async Task FindCurrentAsync_NoOpenCycle_IsNull()
    {
        await CommittedAsync(s => s.CreateAsync(2022, RuleSetCodes.Hd21Of2022, Admin, CancellationToken.None));

        Assert.Null(await CommittedAsync(s => s.FindCurrentAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task FindCurrentAsync_SeveralOpenYears_IsTheHighestOpenYear()
    {
        await OpenAsync(2022);
        await OpenAsync(2023);
        await CommittedAsync(s => s.CreateAsync(2024, RuleSetCodes.Hd21Of2022, Admin, CancellationToken.None));

        var current = await CommittedAsync(s => s.FindCurrentAsync(CancellationToken.None));

        Assert.Equal(2023, current!.Year);
    }
}

public sealed class SqliteReviewCycleOpeningTests() : ReviewCycleOpeningTests(StorageProvider.Sqlite);

public sealed class PostgresReviewCycleOpeningTests() : ReviewCycleOpeningTests(StorageProvider.PostgreSQL);
