using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KiemDiemBot.Core.Tests.Reminders.ReminderHarness;

namespace KiemDiemBot.Core.Tests.Reminders;

/// <summary>The ledger of occasions run, on both providers: once per key, across a restart with a changed holiday table, and the unreachable list of a cycle not yet opened.</summary>
public abstract class OccasionLedgerTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private ReminderHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReminderHarness.CreateAsync(storage, 2026, new DateTime(2026, 11, 2, 9, 0, 0));
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task MarkRun_TwiceInTwoUnitsOfWorkAtOnce_KeepsOneRowWithTheFirstCount()
    {
        var occasion = Assert.Single(Of(await harness.DueAsync(Local(2026, 11, 23, 8, 1)), OccasionKind.MemberReminder, harness.OfficeCellId));
        await using var first = storage.CreateScope();
        await using var second = storage.CreateScope();
        first.ServiceProvider.GetRequiredService<IReminderPlanner>().MarkRun(occasion, 3);
        second.ServiceProvider.GetRequiredService<IReminderPlanner>().MarkRun(occasion, 0);

        await first.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        await second.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);

        var rows = await harness.InScopeAsync(sp => sp.GetRequiredService<KiemDiemDbContext>().OccasionRuns.Where(r => r.Key == occasion.Key).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(3, row.Staged);
        Assert.Equal(Local(2026, 11, 23, 8, 1).ToUnixTimeMilliseconds(), row.RanAtMs);
        Assert.Empty(Of(await harness.DueAsync(Local(2026, 11, 23, 8, 2)), OccasionKind.MemberReminder, harness.OfficeCellId));
    }

    [Fact]
    public async Task MarkRun_NotCommitted_LeavesTheOccasionDue()
    {
        var occasion = Assert.Single(Of(await harness.DueAsync(Local(2026, 11, 23, 8, 1)), OccasionKind.MemberReminder, harness.OfficeCellId));
        await using (var scope = storage.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<IReminderPlanner>().MarkRun(occasion, 3);
        }

        var due = await harness.DueAsync(Local(2026, 11, 23, 8, 2));

        Assert.Equal(occasion.Key, Assert.Single(Of(due, OccasionKind.MemberReminder, harness.OfficeCellId)).Key);
    }

    [Fact]
    public async Task DueAsync_HolidayTableChangedAtRestart_PlanMovesAndNothingRunsTwice()
    {
        await harness.TickAsync(Local(2026, 11, 23, 8, 1));

        // Friday 27/11 declared a day off after the first reminder went out; the host restarts (new scopes).
        harness.SetLocalNow(new DateTime(2026, 11, 23, 12, 0, 0));
        await harness.SetCalendarAsync(new CalendarOverride(new DateOnly(2026, 11, 27), CalendarOverrideKind.DayOff, "Nghỉ thêm"));
        var plan = (await harness.PlanAsync(harness.OfficeCellId)).Where(e => e.Occasion.Kind == OccasionKind.MemberReminder).ToList();
        var sameDay = await harness.TickAsync(Local(2026, 11, 23, 12, 1));
        var tuesday = await harness.TickAsync(Local(2026, 11, 24, 8, 0));
        var friday = await harness.TickAsync(Local(2026, 11, 27, 8, 0));

        // Offset 5 is Friday 20/11 now: it ran (on 23/11, under its old date) and is not sent again; 3 and 1 move a day earlier.
        Assert.Equal([Local(2026, 11, 20), Local(2026, 11, 24), Local(2026, 11, 26)], plan.Select(e => e.Occasion.At.ToOffset(Vietnam)));
        Assert.Equal(Local(2026, 11, 23, 8, 1), plan[0].RunAt);
        Assert.Empty(Of(sameDay, OccasionKind.MemberReminder, harness.OfficeCellId));
        Assert.Equal(3, Assert.Single(Of(tuesday, OccasionKind.MemberReminder, harness.OfficeCellId)).WorkingDaysBefore);
        Assert.Empty(friday);
    }

    [Fact]
    public async Task DueAsync_CycleCreatedNotOpened_OnlyTheUnreachableListsOnce()
    {
        await using var other = await StorageFixture.CreateAsync(provider);
        var prepared = await ReminderHarness.CreateAsync(other, 2026, new DateTime(2026, 10, 26, 9, 0, 0), open: false);

        var due = await prepared.TickAsync(Local(2026, 10, 26, 9, 1));
        var again = await prepared.TickAsync(Local(2026, 10, 26, 9, 2));
        var plan = await prepared.PlanAsync();

        Assert.Equal(new[] { prepared.AccountsCellId, prepared.OfficeCellId }.Order(), due.Select(o => o.OrganisationId).Order());
        Assert.All(due, o => Assert.Equal(OccasionKind.UnreachableList, o.Kind));
        Assert.Equal(OccasionKeys.UnreachableList(prepared.CycleId, prepared.OfficeCellId), Of(due, OccasionKind.UnreachableList, prepared.OfficeCellId)[0].Key);
        Assert.Empty(again);
        Assert.All(plan, e => Assert.Equal(OccasionKind.UnreachableList, e.Occasion.Kind));
    }

    [Fact]
    public async Task PlanAsync_CellSubtree_OnlyThatCellsOccasions()
    {
        var cell = await harness.PlanAsync(harness.AccountsCellId);
        var all = await harness.PlanAsync();

        Assert.All(cell, e => Assert.Equal(harness.AccountsCellId, e.Occasion.OrganisationId));
        Assert.Contains(all, e => e.Occasion.OrganisationId == harness.CommitteeId);
        Assert.Contains(all, e => e.Occasion.OrganisationId == harness.OfficeCellId);
        Assert.DoesNotContain(all, e => e.Occasion.OrganisationId == harness.PartyGroupId);
        Assert.Equal(all.OrderBy(e => e.Occasion.At).ThenBy(e => e.Occasion.Key, StringComparer.Ordinal).Select(e => e.Occasion.Key), all.Select(e => e.Occasion.Key));
    }
}

public sealed class SqliteOccasionLedgerTests() : OccasionLedgerTests(StorageProvider.Sqlite);

public sealed class PostgresOccasionLedgerTests() : OccasionLedgerTests(StorageProvider.PostgreSQL);
