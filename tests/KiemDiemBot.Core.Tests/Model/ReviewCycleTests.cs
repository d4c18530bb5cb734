using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Roster;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Model;

/// <summary>Review cycles on both providers: the seed's deadlines, committee overrides, the calendar, the audit log.</summary>
public abstract class ReviewCycleTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Secretary = "bi.thu@khoi.gov.vn";

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<T> Cycles<T>(Func<IReviewCycleService, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IReviewCycleService>());
    }

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(Guid cycleId)
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.CycleSettings, cycleId, CancellationToken.None);
    }

    private Task<ReviewCycleView> Create2022Async() =>
        Cycles(s => s.CreateAsync(2022, RuleSetCodes.Hd21Of2022, Secretary, CancellationToken.None));

    [Fact]
    public async Task CreateAsync_NewYear_HasTheSeedsDeadlinesAndRuleSet()
    {
        var cycle = await Create2022Async();

        var found = await Cycles(s => s.FindByYearAsync(2022, CancellationToken.None));
        Assert.NotNull(found);
        Assert.Equal(cycle.Id, found.Id);
        Assert.Equal(RuleSetCodes.Hd21Of2022, found.RuleSetCode);
        Assert.Equal(new DateOnly(2022, 12, 1), found.Deadlines[DeadlineKind.CellReview]);
        Assert.Equal(new DateOnly(2022, 12, 5), found.Deadlines[DeadlineKind.SubCommitteeReview]);
        Assert.Equal(new DateOnly(2022, 12, 10), found.Deadlines[DeadlineKind.GrassrootsCommitteeReview]);
        Assert.Equal(new DateOnly(2022, 12, 15), found.Deadlines[DeadlineKind.ReportsUp]);
        Assert.Equal(new DateOnly(2022, 12, 25), found.Deadlines[DeadlineKind.CadreDossiers]);
        Assert.Empty(found.CalendarOverrides);
    }

    [Fact]
    public async Task CreateAsync_YearThatHasACycle_IsRefused()
    {
        await Create2022Async();

        await Assert.ThrowsAsync<InvalidOperationException>(Create2022Async);
    }

    [Fact]
    public async Task CreateAsync_UnknownRuleSet_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Cycles(s => s.CreateAsync(2022, "QD999", Secretary, CancellationToken.None)));
    }

    [Fact]
    public async Task SetDeadlineAsync_NewDate_IsAuditedWithWhoWhenFromToWhy()
    {
        var cycle = await Create2022Async();
        storage.Clock.Advance(TimeSpan.FromDays(1));

        var changed = await Cycles(s => s.SetDeadlineAsync(
            cycle.Id, DeadlineKind.CellReview, new DateOnly(2022, 11, 28), Secretary, "Hội nghị tỉnh dời lịch", CancellationToken.None));

        Assert.True(changed);
        var found = await Cycles(s => s.FindAsync(cycle.Id, CancellationToken.None));
        Assert.Equal(new DateOnly(2022, 11, 28), found!.Deadlines[DeadlineKind.CellReview]);
        var entry = (await AuditAsync(cycle.Id))[^1];
        Assert.Equal(Secretary, entry.Actor);
        Assert.Equal(storage.Clock.GetUtcNow(), entry.At);
        Assert.Equal("cycle.deadline.CellReview", entry.Field);
        Assert.Equal("2022-12-01", entry.From);
        Assert.Equal("2022-11-28", entry.To);
        Assert.Equal("Hội nghị tỉnh dời lịch", entry.Reason);
    }

    [Fact]
    public async Task SetDeadlineAsync_DateAlreadyInForce_RecordsNothing()
    {
        var cycle = await Create2022Async();

        var changed = await Cycles(s => s.SetDeadlineAsync(
            cycle.Id, DeadlineKind.CellReview, new DateOnly(2022, 12, 1), Secretary, "Nhắc lại", CancellationToken.None));

        Assert.False(changed);
        Assert.Equal([AuditFields.CycleCreated], (await AuditAsync(cycle.Id)).Select(e => e.Field));
    }

    [Fact]
    public async Task SetDeadlineAsync_WithoutReason_IsRefused()
    {
        var cycle = await Create2022Async();

        await Assert.ThrowsAsync<ArgumentException>(() => Cycles(s => s.SetDeadlineAsync(
            cycle.Id, DeadlineKind.CellReview, new DateOnly(2022, 11, 28), Secretary, " ", CancellationToken.None)));
    }

    [Fact]
    public async Task SetCommitteeDeadlineAsync_OnGrassrootsCommittee_BindsItsCellsUntilRemoved()
    {
        await storage.ImportAsync(new SampleRoster());
        var organisations = (await storage.OrganisationsAsync()).ToDictionary(o => o.Code, o => o.Id);
        var cycle = await Create2022Async();

        await Cycles(s => s.SetCommitteeDeadlineAsync(
            cycle.Id, organisations["DB01"], DeadlineKind.CellReview, new DateOnly(2022, 11, 25), Secretary, "Đảng ủy Sở yêu cầu sớm hơn", CancellationToken.None));
        var bound = await Cycles(s => s.ResolveDeadlineAsync(cycle.Id, organisations["CB01"], DeadlineKind.CellReview, CancellationToken.None));
        var otherKind = await Cycles(s => s.ResolveDeadlineAsync(cycle.Id, organisations["CB01"], DeadlineKind.ReportsUp, CancellationToken.None));
        await Cycles(s => s.SetCommitteeDeadlineAsync(
            cycle.Id, organisations["DB01"], DeadlineKind.CellReview, null, Secretary, "Theo lịch chung", CancellationToken.None));
        var afterRemoval = await Cycles(s => s.ResolveDeadlineAsync(cycle.Id, organisations["CB01"], DeadlineKind.CellReview, CancellationToken.None));

        Assert.Equal(new ResolvedDeadline(DeadlineKind.CellReview, new DateOnly(2022, 11, 25), organisations["DB01"]), bound);
        Assert.Equal(new ResolvedDeadline(DeadlineKind.ReportsUp, new DateOnly(2022, 12, 15), null), otherKind);
        Assert.Equal(new ResolvedDeadline(DeadlineKind.CellReview, new DateOnly(2022, 12, 1), null), afterRemoval);
        var entries = (await AuditAsync(cycle.Id)).Where(e => e.Field == "cycle.committee-deadline.CellReview").ToList();
        Assert.Equal([(null, "2022-11-25"), ("2022-11-25", null)], entries.Select(e => (e.From, e.To)));
        Assert.All(entries, e => Assert.Equal(organisations["DB01"], e.OrganisationId));
    }

    [Fact]
    public async Task SetCalendarOverridesAsync_ExtraDayOff_IsStoredAndUsedByTheCycleCalendar()
    {
        var cycle = await Create2022Async();
        var monday = new DateOnly(2022, 11, 21);

        await Cycles(s => s.SetCalendarOverridesAsync(
            cycle.Id, [new CalendarOverride(monday, CalendarOverrideKind.DayOff, "Nghỉ theo quyết định của tỉnh")], Secretary, "Quyết định của UBND tỉnh", CancellationToken.None));
        var calendar = await Cycles(s => s.GetWorkingCalendarAsync(cycle.Id, CancellationToken.None));
        var found = await Cycles(s => s.FindAsync(cycle.Id, CancellationToken.None));

        Assert.False(calendar.IsWorkingDay(monday));
        Assert.Equal(new DateOnly(2022, 11, 22), calendar.NextWorkingDay(new DateOnly(2022, 11, 18)));
        Assert.Equal([new CalendarOverride(monday, CalendarOverrideKind.DayOff, "Nghỉ theo quyết định của tỉnh")], found!.CalendarOverrides);
        var entry = (await AuditAsync(cycle.Id))[^1];
        Assert.Equal(AuditFields.CycleCalendar, entry.Field);
        Assert.Equal("2022-11-21 DayOff Nghỉ theo quyết định của tỉnh", entry.To);
    }

    [Fact]
    public async Task SetCalendarOverridesAsync_ReplacedList_KeepsOnlyTheNewOverrides()
    {
        var cycle = await Create2022Async();
        var first = new CalendarOverride(new DateOnly(2022, 11, 21), CalendarOverrideKind.DayOff);
        var second = new CalendarOverride(new DateOnly(2022, 11, 26), CalendarOverrideKind.WorkingDay, "Làm bù");
        await Cycles(s => s.SetCalendarOverridesAsync(cycle.Id, [first], Secretary, "Lần đầu", CancellationToken.None));

        await Cycles(s => s.SetCalendarOverridesAsync(
            cycle.Id, [second, first with { Kind = CalendarOverrideKind.WorkingDay }], Secretary, "Sửa lịch", CancellationToken.None));

        var found = await Cycles(s => s.FindAsync(cycle.Id, CancellationToken.None));
        Assert.Equal([first with { Kind = CalendarOverrideKind.WorkingDay }, second], found!.CalendarOverrides);
    }

    [Fact]
    public async Task SetRuleSetAsync_UnknownCode_IsRefusedAndTheRuleSetStays()
    {
        var cycle = await Create2022Async();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Cycles(s => s.SetRuleSetAsync(cycle.Id, "QD999", Secretary, "Thử", CancellationToken.None)));

        var ruleSet = await Cycles(s => s.GetRuleSetAsync(cycle.Id, CancellationToken.None));
        Assert.Equal(RuleSetCodes.Hd21Of2022, ruleSet.Settings.Code);
    }
}

public sealed class SqliteReviewCycleTests() : ReviewCycleTests(StorageProvider.Sqlite);

public sealed class PostgresReviewCycleTests() : ReviewCycleTests(StorageProvider.PostgreSQL);
