using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KiemDiemBot.Core.Tests.Reminders.ReminderHarness;

namespace KiemDiemBot.Core.Tests.Reminders;

/// <summary>
/// The plan on both providers for the cycle of 2026 (cells due "trước 01/12/2026", so their due day is Monday
/// 30/11/2026), opened on Monday 02/11/2026.
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
    }

    [Fact]
    public async Task DueAsync_OnTheReminderDay_ReturnsTheCellsOccasionsOnceMarkedRun()
    {
        var due = await harness.TickAsync(Local(2026, 11, 27, 8, 1));
        var again = await harness.TickAsync(Local(2026, 11, 27, 8, 2));

        var reminder = Assert.Single(due, o => o.Kind == OccasionKind.MemberReminder && o.OrganisationId == harness.OfficeCellId);
        Assert.Equal(1, reminder.WorkingDaysBefore);
        Assert.Equal(OccasionKeys.MemberReminder(harness.CycleId, harness.OfficeCellId, new DateOnly(2026, 11, 30), 1), reminder.Key);
        Assert.Contains(due, o => o.Kind == OccasionKind.SecretaryDigest && o.OrganisationId == harness.OfficeCellId);
        Assert.Empty(again);
    }
}

public sealed class SqliteReminderPlannerTests() : ReminderPlannerTests(StorageProvider.Sqlite);

public sealed class PostgresReminderPlannerTests() : ReminderPlannerTests(StorageProvider.PostgreSQL);
