using KiemDiemBot.Core.Calendar;

namespace KiemDiemBot.Core.Tests.Calendar;

public sealed class WorkingCalendarUnknownYearTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamStateSector;

    [Fact]
    public void IsWorkingDay_WeekdayInUnshippedYear_ThrowsScheduleUnknown()
    {
        var possiblyTet = new DateOnly(2031, 1, 22);

        var error = Assert.Throws<HolidayScheduleUnknownException>(() => Calendar.IsWorkingDay(possiblyTet));

        Assert.Equal(2031, error.Year);
        Assert.Contains("2031", error.Message, StringComparison.Ordinal);
        Assert.False(Calendar.TryDescribe(possiblyTet, out _));
    }

    [Fact]
    public void IsWorkingDay_WeekendAndFixedHolidaysInUnshippedYear_AreOff()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2031, 1, 4)));
        Assert.Equal("Tết Dương lịch", Calendar.Describe(new DateOnly(2031, 1, 1)).Name);
        Assert.Equal("Quốc khánh", Calendar.Describe(new DateOnly(2031, 9, 2)).Name);
    }

    [Fact]
    public void Describe_MayDayOnSaturdayInUnshippedYear_MondayIsCompensated()
    {
        var monday = Calendar.Describe(new DateOnly(2032, 5, 3));

        Assert.False(monday.IsWorkingDay);
        Assert.Equal("Nghỉ bù Ngày Quốc tế Lao động", monday.Name);
    }

    [Fact]
    public void AddWorkingDays_IntoUnshippedYear_ThrowsScheduleUnknown()
    {
        var error = Assert.Throws<HolidayScheduleUnknownException>(
            () => Calendar.AddWorkingDays(new DateOnly(2030, 12, 31), 1));

        Assert.Equal(new DateOnly(2031, 1, 2), error.Date);
    }

    [Fact]
    public void WithOverrides_WorkingDayInUnshippedYear_DecidesTheDate()
    {
        var date = new DateOnly(2031, 3, 3);
        var cycle = Calendar.WithOverrides([new CalendarOverride(date, CalendarOverrideKind.WorkingDay)]);

        Assert.True(cycle.IsWorkingDay(date));
    }

    [Fact]
    public void GetScheduleNotice_ByYear_WarnsOnlyWhenTheScheduleIsNotAnnounced()
    {
        Assert.Equal(string.Empty, Calendar.GetScheduleNotice(2025));
        Assert.Contains("chưa được công bố chính thức", Calendar.GetScheduleNotice(2027), StringComparison.Ordinal);
        Assert.StartsWith("Chưa có lịch nghỉ lễ, Tết năm 2031", Calendar.GetScheduleNotice(2031), StringComparison.Ordinal);
        Assert.Equal(HolidayScheduleStatus.Unknown, Calendar.GetScheduleStatus(2031));
    }
}
