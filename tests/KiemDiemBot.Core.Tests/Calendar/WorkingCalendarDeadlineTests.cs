using KiemDiemBot.Core.Calendar;

namespace KiemDiemBot.Core.Tests.Calendar;

public sealed class WorkingCalendarDeadlineTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamStateSector;

    [Fact]
    public void LatestDraftCirculationDate_MeetingOnFirstWorkingDayAfterTet2026_FallsBeforeTheBreak()
    {
        var meeting = Calendar.NextWorkingDay(new DateOnly(2026, 2, 13));

        var deadline = Calendar.LatestDraftCirculationDate(meeting);

        Assert.Equal(new DateOnly(2026, 2, 23), meeting);
        Assert.Equal(new DateOnly(2026, 2, 11), deadline);
    }

    [Fact]
    public void LatestDraftCirculationDate_MeetingOnTuesday_SkipsTheWeekend()
    {
        var deadline = Calendar.LatestDraftCirculationDate(new DateOnly(2025, 12, 2));

        Assert.Equal(new DateOnly(2025, 11, 27), deadline);
    }

    [Fact]
    public void LatestDraftCirculationDate_MeetingOnSunday_CountsFromFriday()
    {
        var deadline = Calendar.LatestDraftCirculationDate(new DateOnly(2025, 12, 7));

        Assert.Equal(new DateOnly(2025, 12, 3), deadline);
    }

    [Fact]
    public void LatestDraftCirculationDate_AcrossMakeUpSaturday_CountsTheSaturday()
    {
        var deadline = Calendar.LatestDraftCirculationDate(new DateOnly(2024, 5, 6));

        Assert.Equal(new DateOnly(2024, 5, 2), deadline);
    }

    [Fact]
    public void WorkingDaysBefore_AcrossReunificationBreak2024_SkipsTheSwappedMondayAndHolidays()
    {
        var deadline = Calendar.WorkingDaysBefore(new DateOnly(2024, 5, 3), 2);

        Assert.Equal(new DateOnly(2024, 4, 26), deadline);
    }

    [Fact]
    public void NextWorkingDay_LastDayBeforeTet2025_IsTheMondayAfterTheBreak()
    {
        Assert.Equal(new DateOnly(2025, 2, 3), Calendar.NextWorkingDay(new DateOnly(2025, 1, 24)));
    }

    [Fact]
    public void AddWorkingDays_ForwardOverMakeUpSaturday2025_CountsTheSaturday()
    {
        Assert.Equal(new DateOnly(2025, 4, 28), Calendar.AddWorkingDays(new DateOnly(2025, 4, 25), 2));
        Assert.Equal(new DateOnly(2025, 5, 5), Calendar.AddWorkingDays(new DateOnly(2025, 4, 29), 1));
    }
}
