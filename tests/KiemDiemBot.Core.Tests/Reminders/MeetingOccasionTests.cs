using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using static KiemDiemBot.Core.Tests.Reminders.ReminderHarness;

namespace KiemDiemBot.Core.Tests.Reminders;

/// <summary>
/// Occasions that follow a meeting, on both providers: reminders before it, the draft circulation three working
/// days ahead, a meeting moved, scheduled too late, cancelled, and one right after Tết 2026.
/// </summary>
public abstract class MeetingOccasionTests(StorageProvider provider) : IAsyncLifetime
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
    public async Task PlanAsync_MeetingSet_RemindersBeforeTheMeetingDayAndTheDraftThreeWorkingDaysAhead()
    {
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 19, 14));

        var reminders = await harness.MomentsAsync(OccasionKind.MemberReminder, harness.OfficeCellId);
        var circulation = await harness.MomentsAsync(OccasionKind.DraftCirculation, harness.OfficeCellId);

        // Thursday 19/11: 1 working day before is 18/11, 3 is 16/11, 5 is Thursday 12/11 (over the weekend).
        Assert.Equal([Local(2026, 11, 12), Local(2026, 11, 16), Local(2026, 11, 18)], reminders);
        Assert.Equal([Local(2026, 11, 16)], circulation);
        var entry = Assert.Single(await harness.PlanAsync(harness.OfficeCellId), e => e.Occasion.Kind == OccasionKind.DraftCirculation);
        Assert.Equal(OccasionKeys.DraftCirculation(await harness.MeetingIdAsync(harness.OfficeCellId)), entry.Occasion.Key);
        Assert.Equal(new DateOnly(2026, 11, 19), entry.Occasion.TargetDate);
        // The other cell has no meeting: its reminders still count back from its due day.
        Assert.Equal([Local(2026, 11, 23), Local(2026, 11, 25), Local(2026, 11, 27)], await harness.MomentsAsync(OccasionKind.MemberReminder, harness.AccountsCellId));
    }

    [Fact]
    public async Task DueAsync_MeetingMovedTwice_FollowsTheLatestDateAndWhatRanStaysRun()
    {
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 19, 14));
        var firstRun = Of(await harness.TickAsync(Local(2026, 11, 12, 8, 1)), OccasionKind.MemberReminder, harness.OfficeCellId);

        harness.SetLocalNow(new DateTime(2026, 11, 12, 10, 0, 0));
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 26, 14));
        var movedOnce = await harness.MomentsAsync(OccasionKind.MemberReminder, harness.OfficeCellId);
        harness.SetLocalNow(new DateTime(2026, 11, 12, 11, 0, 0));
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 19, 9));
        var plan = await harness.PlanAsync(harness.OfficeCellId);
        var sameDay = await harness.TickAsync(Local(2026, 11, 12, 15, 0));
        var offsetThree = await harness.TickAsync(Local(2026, 11, 16, 8, 0));

        var ran = Assert.Single(firstRun);
        Assert.Equal(5, ran.WorkingDaysBefore);
        Assert.Equal([Local(2026, 11, 19), Local(2026, 11, 23), Local(2026, 11, 25)], movedOnce);
        // Back on 19/11: the reminder of 12/11 for that day already went out, and stays run.
        var planned = plan.Where(e => e.Occasion.Kind == OccasionKind.MemberReminder).ToList();
        Assert.Equal([Local(2026, 11, 12), Local(2026, 11, 16), Local(2026, 11, 18)], planned.Select(e => e.Occasion.At.ToOffset(Vietnam)));
        Assert.NotNull(planned[0].RunAt);
        Assert.Null(planned[1].RunAt);
        Assert.Empty(Of(sameDay, OccasionKind.MemberReminder, harness.OfficeCellId));
        Assert.Equal(3, Assert.Single(Of(offsetThree, OccasionKind.MemberReminder, harness.OfficeCellId)).WorkingDaysBefore);
        // One circulation per meeting, on the latest date's day.
        Assert.Equal([Local(2026, 11, 16)], await harness.MomentsAsync(OccasionKind.DraftCirculation, harness.OfficeCellId));
    }

    [Fact]
    public async Task DueAsync_MeetingSetAfterAnOffsetDay_ThatOffsetIsNotSentLateOnlyTheNextOnItsDay()
    {
        // Set on Monday 23/11 at 07:55 for Thursday 26/11: the 5-day reminder (Thursday 19/11) was never missed.
        harness.SetLocalNow(new DateTime(2026, 11, 23, 7, 55, 0));
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 26, 8));

        var beforeEight = await harness.TickAsync(Local(2026, 11, 23, 7, 56));
        var atEight = await harness.TickAsync(Local(2026, 11, 23, 8, 0));
        var plan = await harness.PlanAsync(harness.OfficeCellId);

        Assert.Empty(Of(beforeEight, OccasionKind.MemberReminder, harness.OfficeCellId));
        Assert.Empty(Of(beforeEight, OccasionKind.SecretaryDigest, harness.OfficeCellId));
        Assert.Equal(3, Assert.Single(Of(atEight, OccasionKind.MemberReminder, harness.OfficeCellId)).WorkingDaysBefore);
        Assert.DoesNotContain(plan, e => e.Occasion.Kind == OccasionKind.MemberReminder && e.Occasion.WorkingDaysBefore == 5);
    }

    [Fact]
    public async Task DueAsync_MeetingScheduledTooLate_CirculationDueAtOnce()
    {
        harness.SetLocalNow(new DateTime(2026, 11, 23, 10, 0, 0));
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 25, 9));

        var due = await harness.TickAsync(Local(2026, 11, 23, 10, 1));
        var again = await harness.TickAsync(Local(2026, 11, 23, 10, 2));

        // Three working days before Wednesday 25/11 was Friday 20/11: already past when it was scheduled.
        var circulation = Assert.Single(Of(due, OccasionKind.DraftCirculation, harness.OfficeCellId));
        Assert.Equal(Local(2026, 11, 23, 10), circulation.At);
        Assert.Empty(Of(again, OccasionKind.DraftCirculation, harness.OfficeCellId));
    }

    [Fact]
    public async Task DueAsync_MeetingScheduledTooLateInTheEvening_CirculationDueAt0730TheNextWorkingDay()
    {
        harness.SetLocalNow(new DateTime(2026, 11, 20, 21, 0, 0));
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 24, 9));

        var night = await harness.DueAsync(Local(2026, 11, 20, 21, 1));
        var weekend = await harness.DueAsync(Local(2026, 11, 21, 9, 0));
        var monday = await harness.DueAsync(Local(2026, 11, 23, 7, 30));

        Assert.Empty(night);
        Assert.Empty(weekend);
        Assert.Single(Of(monday, OccasionKind.DraftCirculation, harness.OfficeCellId));
    }

    [Fact]
    public async Task PlanAsync_MeetingCancelled_ItsOccasionsGoAndTheCellFallsBackToItsDueDay()
    {
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 19, 14));

        await harness.CancelMeetingAsync(harness.OfficeCellId);
        var plan = await harness.PlanAsync(harness.OfficeCellId);

        Assert.DoesNotContain(plan, e => e.Occasion.Kind == OccasionKind.DraftCirculation);
        Assert.Equal([Local(2026, 11, 23), Local(2026, 11, 25), Local(2026, 11, 27)], await harness.MomentsAsync(OccasionKind.MemberReminder, harness.OfficeCellId));
        Assert.All(plan.Where(e => e.Occasion.Kind == OccasionKind.MemberReminder), e => Assert.Null(e.Occasion.MeetingId));
        Assert.Empty(Of(await harness.DueAsync(Local(2026, 11, 16, 8, 5)), OccasionKind.DraftCirculation, harness.OfficeCellId));
    }

    [Fact]
    public async Task DueAsync_MeetingStarted_ItsRemindersAndCirculationAreNoLongerDue()
    {
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 19, 14));

        // The bot was down from before 12/11 until the meeting had started.
        var due = await harness.DueAsync(Local(2026, 11, 19, 14, 5));

        Assert.Empty(Of(due, OccasionKind.MemberReminder, harness.OfficeCellId));
        Assert.Empty(Of(due, OccasionKind.DraftCirculation, harness.OfficeCellId));
        Assert.Empty(Of(due, OccasionKind.SecretaryDigest, harness.OfficeCellId));
    }
}

/// <summary>The cycle of 2025 still running in February 2026, its office cell meeting on Monday 23/02/2026, right after Tết (14/2 to 22/2).</summary>
public abstract class TetMeetingTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private ReminderHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReminderHarness.CreateAsync(storage, 2025, new DateTime(2026, 1, 26, 9, 0, 0));
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 2, 23, 8));
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task PlanAsync_MeetingRightAfterTet_CountsWorkingDaysBeforeTheHoliday()
    {
        var reminders = await harness.MomentsAsync(OccasionKind.MemberReminder, harness.OfficeCellId);
        var circulation = await harness.MomentsAsync(OccasionKind.DraftCirculation, harness.OfficeCellId);

        // Friday 13/02 is the last working day before Tết: offset 1; 3 is Wednesday 11/02; 5 is Monday 09/02.
        Assert.Equal([Local(2026, 2, 9), Local(2026, 2, 11), Local(2026, 2, 13)], reminders);
        Assert.Equal([Local(2026, 2, 11)], circulation);
    }

    [Fact]
    public async Task DueAsync_DuringTet_NothingEvenWhenMissed()
    {
        var duringTet = await harness.DueAsync(Local(2026, 2, 17, 9));
        var afterTet = await harness.DueAsync(Local(2026, 2, 23, 7, 30));

        Assert.Empty(duringTet);
        // Monday 23/02 07:30: the meeting starts at 08:00, so the missed reminder and circulation still go out.
        Assert.Equal(1, Assert.Single(Of(afterTet, OccasionKind.MemberReminder, harness.OfficeCellId)).WorkingDaysBefore);
        Assert.Single(Of(afterTet, OccasionKind.DraftCirculation, harness.OfficeCellId));
    }
}

public sealed class SqliteMeetingOccasionTests() : MeetingOccasionTests(StorageProvider.Sqlite);

public sealed class PostgresMeetingOccasionTests() : MeetingOccasionTests(StorageProvider.PostgreSQL);

public sealed class SqliteTetMeetingTests() : TetMeetingTests(StorageProvider.Sqlite);

public sealed class PostgresTetMeetingTests() : TetMeetingTests(StorageProvider.PostgreSQL);
