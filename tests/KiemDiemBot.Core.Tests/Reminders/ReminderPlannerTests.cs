using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using static KiemDiemBot.Core.Tests.Reminders.ReminderHarness;

namespace KiemDiemBot.Core.Tests.Reminders;

/// <summary>
/// The plan's days and hours on both providers for the cycle of 2026 (cells due "trước 01/12/2026", so their due
/// day is Monday 30/11/2026), opened on Monday 02/11/2026: weekends, make-up Saturdays, the quiet window, the
/// overdue reminder, the cycle's own settings.
/// </summary>
public abstract class ReminderPlannerTests(StorageProvider provider) : IAsyncLifetime
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
    public async Task PlanAsync_CellWithoutMeeting_RemindsFiveThreeAndOneWorkingDaysBeforeTheDueDayAcrossTheWeekend()
    {
        var moments = await harness.MomentsAsync(OccasionKind.MemberReminder, harness.OfficeCellId);

        // Due day Monday 30/11: offset 1 is Friday 27/11 (the weekend does not count), 3 is 25/11, 5 is 23/11.
        Assert.Equal([Local(2026, 11, 23), Local(2026, 11, 25), Local(2026, 11, 27)], moments);
        Assert.Equal(moments, await harness.MomentsAsync(OccasionKind.SecretaryDigest, harness.OfficeCellId));
        var plan = await harness.PlanAsync(harness.OfficeCellId);
        Assert.All(plan.Where(e => e.Occasion.Kind == OccasionKind.MemberReminder), e => Assert.Equal(new DateOnly(2026, 11, 30), e.Occasion.TargetDate));
        Assert.All(plan, e => Assert.Null(e.RunAt));
    }

    [Fact]
    public async Task DueAsync_OnTheReminderDay_ReturnsTheCellsOccasionsUntilMarkedRun()
    {
        var due = await harness.TickAsync(Local(2026, 11, 27, 8, 1));
        var again = await harness.TickAsync(Local(2026, 11, 27, 8, 2));

        // Offsets 5 and 3 were missed (no tick ran then): of the series only the latest goes out.
        var reminder = Assert.Single(Of(due, OccasionKind.MemberReminder, harness.OfficeCellId));
        Assert.Equal(1, reminder.WorkingDaysBefore);
        Assert.Equal(OccasionKeys.MemberReminder(harness.CycleId, harness.OfficeCellId, new DateOnly(2026, 11, 30), 1), reminder.Key);
        Assert.Single(Of(due, OccasionKind.SecretaryDigest, harness.OfficeCellId));
        Assert.Single(Of(due, OccasionKind.MemberReminder, harness.AccountsCellId));
        Assert.Empty(again);
        var plan = await harness.PlanAsync(harness.OfficeCellId);
        Assert.NotNull(Assert.Single(plan, e => e.Occasion.Key == reminder.Key).RunAt);
        // The missed ones are not shown as coming: they will never be sent.
        Assert.DoesNotContain(plan, e => e.Occasion.Kind == OccasionKind.MemberReminder && e.Occasion.WorkingDaysBefore is 3 or 5);
    }

    [Fact]
    public async Task DueAsync_BeforeTheFirstReminder_ReturnsOnlyTheUnreachableLists()
    {
        var due = await harness.DueAsync(Local(2026, 11, 20, 10));

        Assert.All(due, o => Assert.Equal(OccasionKind.UnreachableList, o.Kind));
        Assert.Equal(new[] { harness.AccountsCellId, harness.OfficeCellId }.Order(), due.Select(o => o.OrganisationId).Order());
    }

    [Fact]
    public async Task DueAsync_ReminderMissedOvernight_NothingAt2030OrAt0700ThenDueAt0730TheNextWorkingDay()
    {
        await harness.TickAsync(Local(2026, 11, 23, 8));

        var evening = await harness.DueAsync(Local(2026, 11, 25, 20, 30));
        var early = await harness.DueAsync(Local(2026, 11, 26, 7, 0));
        var opening = await harness.DueAsync(Local(2026, 11, 26, 7, 30));

        Assert.Empty(evening);
        Assert.Empty(early);
        var reminder = Assert.Single(Of(opening, OccasionKind.MemberReminder, harness.OfficeCellId));
        Assert.Equal(3, reminder.WorkingDaysBefore);
        Assert.Equal(Local(2026, 11, 25), reminder.At);
    }

    [Fact]
    public async Task DueAsync_OnASaturday_ReturnsNothingWhileTheMakeUpSaturdayOfTheCycleRemindsOnIt()
    {
        // The unreachable lists are due from the start, yet not on a plain Saturday.
        var plainSaturday = await harness.DueAsync(Local(2026, 11, 21, 9));

        await harness.SetCalendarAsync(new CalendarOverride(new DateOnly(2026, 11, 28), CalendarOverrideKind.WorkingDay, "Làm bù"));
        var moments = await harness.MomentsAsync(OccasionKind.MemberReminder, harness.OfficeCellId);
        var makeUpSaturday = await harness.DueAsync(Local(2026, 11, 28, 9));

        Assert.Empty(plainSaturday);
        // Saturday 28/11 is a working day now: the last one before Monday 30/11.
        Assert.Equal([Local(2026, 11, 24), Local(2026, 11, 26), Local(2026, 11, 28)], moments);
        Assert.Equal(Local(2026, 11, 28), Assert.Single(Of(makeUpSaturday, OccasionKind.MemberReminder, harness.OfficeCellId)).At);
    }

    [Fact]
    public async Task DueAsync_AfterTheDueDayWithoutMeeting_OverdueReminderOnceOnTheFirstWorkingDay()
    {
        await harness.TickAsync(Local(2026, 11, 27, 8));

        var dueDay = await harness.TickAsync(Local(2026, 11, 30, 9));
        var nextDay = await harness.TickAsync(Local(2026, 12, 1, 8, 0));
        var again = await harness.TickAsync(Local(2026, 12, 1, 15, 0));
        var later = await harness.TickAsync(Local(2026, 12, 2, 8, 0));

        Assert.Empty(Of(dueDay, OccasionKind.OverdueReminder, harness.OfficeCellId));
        var overdue = Assert.Single(Of(nextDay, OccasionKind.OverdueReminder, harness.OfficeCellId));
        Assert.Equal(new DateOnly(2026, 11, 30), overdue.TargetDate);
        Assert.Empty(Of(nextDay, OccasionKind.MemberReminder, harness.OfficeCellId));
        Assert.Empty(Of(again, OccasionKind.OverdueReminder, harness.OfficeCellId));
        Assert.Empty(Of(later, OccasionKind.OverdueReminder, harness.OfficeCellId));
    }

    [Fact]
    public async Task DueAsync_CellMetBeforeItsDueDay_NoOverdueReminder()
    {
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 26, 14));

        var due = await harness.DueAsync(Local(2026, 12, 1, 8, 5));

        Assert.Empty(Of(due, OccasionKind.OverdueReminder, harness.OfficeCellId));
        Assert.Single(Of(due, OccasionKind.OverdueReminder, harness.AccountsCellId));
    }

    [Fact]
    public async Task PlanAsync_CycleSettingsChanged_RemindsOnTheNewOffsetsAtTheNewTime()
    {
        await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().SetReminderSettingsAsync(
            harness.CycleId, [7, 2], new TimeOnly(9, 30), "test", "Theo kế hoạch của Đảng ủy", CancellationToken.None));

        var moments = await harness.MomentsAsync(OccasionKind.MemberReminder, harness.OfficeCellId);

        Assert.Equal([Local(2026, 11, 19, 9, 30), Local(2026, 11, 26, 9, 30)], moments);
    }

    [Theory]
    [InlineData(new[] { 5, 5 }, 8, 0)]
    [InlineData(new[] { 0 }, 8, 0)]
    [InlineData(new[] { 21 }, 8, 0)]
    [InlineData(new int[0], 8, 0)]
    [InlineData(new[] { 3 }, 7, 0)]
    [InlineData(new[] { 3 }, 20, 0)]
    public async Task SetReminderSettingsAsync_OutOfBounds_Throws(int[] offsets, int hour, int minute)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => harness.InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().SetReminderSettingsAsync(
            harness.CycleId, offsets, new TimeOnly(hour, minute), "test", "Thử", CancellationToken.None)));

        var cycle = await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().FindAsync(harness.CycleId, CancellationToken.None));
        Assert.Equal([5, 3, 1], cycle!.ReminderOffsets);
    }

    [Fact]
    public async Task SetReminderSettingsAsync_Unchanged_ReturnsFalse()
    {
        var unchanged = await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().SetReminderSettingsAsync(
            harness.CycleId, [1, 3, 5], new TimeOnly(8, 0), "test", "Thử", CancellationToken.None));

        Assert.False(unchanged);
    }
}

public sealed class SqliteReminderPlannerTests() : ReminderPlannerTests(StorageProvider.Sqlite);

public sealed class PostgresReminderPlannerTests() : ReminderPlannerTests(StorageProvider.PostgreSQL);
