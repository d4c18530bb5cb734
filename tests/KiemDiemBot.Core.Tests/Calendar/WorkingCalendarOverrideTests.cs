using KiemDiemBot.Core.Calendar;

namespace KiemDiemBot.Core.Tests.Calendar;

public sealed class WorkingCalendarOverrideTests
{
    [Fact]
    public void WithOverrides_DayOffAndMakeUpSaturday_MoveTheDraftDeadline()
    {
        var friday = new DateOnly(2025, 11, 28);
        var saturday = new DateOnly(2025, 11, 29);
        var meeting = new DateOnly(2025, 12, 3);
        var cycle = WorkingCalendar.VietnamStateSector.WithOverrides(
        [
            new CalendarOverride(friday, CalendarOverrideKind.DayOff),
            new CalendarOverride(saturday, CalendarOverrideKind.WorkingDay),
        ]);

        Assert.Equal(friday, WorkingCalendar.VietnamStateSector.LatestDraftCirculationDate(meeting));
        Assert.Equal(saturday, cycle.LatestDraftCirculationDate(meeting));
        Assert.Equal("Ngày nghỉ bổ sung", cycle.Describe(friday).Name);
        Assert.Equal(CalendarDayKind.AdditionalDayOff, cycle.Describe(friday).Kind);
        Assert.Equal(CalendarDayKind.MakeUpWorkingDay, cycle.Describe(saturday).Kind);
        Assert.Equal("Ngày làm bù", cycle.Describe(saturday).Name);
    }

    [Fact]
    public void WithOverrides_WorkingDayOnShippedSwapDay_CancelsItForThatCycleOnly()
    {
        var swappedMonday = new DateOnly(2024, 4, 29);
        var cycle = WorkingCalendar.VietnamStateSector.WithOverrides(
            [new CalendarOverride(swappedMonday, CalendarOverrideKind.WorkingDay)]);

        Assert.True(cycle.IsWorkingDay(swappedMonday));
        Assert.False(WorkingCalendar.VietnamStateSector.IsWorkingDay(swappedMonday));
    }

    [Fact]
    public void WithOverrides_NoteGiven_IsShownAsTheDayName()
    {
        var date = new DateOnly(2025, 12, 10);
        var cycle = WorkingCalendar.VietnamStateSector.WithOverrides(
            [new CalendarOverride(date, CalendarOverrideKind.DayOff, "Nghỉ theo quyết định của Tỉnh ủy")]);

        Assert.Equal("Nghỉ theo quyết định của Tỉnh ủy", cycle.Describe(date).Name);
    }

    [Fact]
    public void WithOverrides_TwoOverridesForOneDate_TheLastWins()
    {
        var date = new DateOnly(2025, 12, 10);
        var cycle = WorkingCalendar.VietnamStateSector.WithOverrides(
        [
            new CalendarOverride(date, CalendarOverrideKind.DayOff),
            new CalendarOverride(date, CalendarOverrideKind.WorkingDay),
        ]);

        Assert.True(cycle.IsWorkingDay(date));
    }

    [Fact]
    public void WithOverrides_CalledAgain_ReplacesTheEarlierOverrides()
    {
        var first = new DateOnly(2025, 12, 10);
        var second = new DateOnly(2025, 12, 11);
        var cycle = WorkingCalendar.VietnamStateSector
            .WithOverrides([new CalendarOverride(first, CalendarOverrideKind.DayOff)])
            .WithOverrides([new CalendarOverride(second, CalendarOverrideKind.DayOff)]);

        Assert.True(cycle.IsWorkingDay(first));
        Assert.False(cycle.IsWorkingDay(second));
        Assert.Single(cycle.Overrides);
    }
}
