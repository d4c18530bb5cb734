using KiemDiemBot.Core.Calendar;

namespace KiemDiemBot.Core.Tests.Calendar;

public sealed class WorkingCalendarHolidayTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamStateSector;

    [Fact]
    public void IsWorkingDay_2022ReunificationAndMayDayOnWeekend_MondayAndTuesdayAreCompensated()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2022, 5, 2)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2022, 5, 3)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2022, 5, 4)));
        Assert.Equal("Nghỉ bù Ngày Chiến thắng", Calendar.Describe(new DateOnly(2022, 5, 2)).Name);
        Assert.Equal("Nghỉ bù Ngày Quốc tế Lao động", Calendar.Describe(new DateOnly(2022, 5, 3)).Name);
        Assert.Equal("Ngày Quốc tế Lao động", Calendar.Describe(new DateOnly(2022, 5, 1)).Name);
    }

    [Fact]
    public void IsWorkingDay_Tet2023_OffFrom20To26January()
    {
        AssertBreak(new DateOnly(2023, 1, 20), new DateOnly(2023, 1, 26));
    }

    [Fact]
    public void IsWorkingDay_Tet2025_OffFrom25JanuaryTo2FebruaryWithNoMakeUpSaturday()
    {
        AssertBreak(new DateOnly(2025, 1, 25), new DateOnly(2025, 2, 2));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 2, 8)));
    }

    [Fact]
    public void IsWorkingDay_Tet2026_OffFrom14To22February()
    {
        AssertBreak(new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 22));
    }

    [Fact]
    public void Describe_DayInsideTetBreak_IsNamedTetNguyenDanEvenOnWeekend()
    {
        var saturday = Calendar.Describe(new DateOnly(2026, 2, 14));

        Assert.Equal(CalendarDayKind.Holiday, saturday.Kind);
        Assert.Equal(PublicHoliday.LunarNewYear, saturday.Holiday);
        Assert.Equal("Tết Nguyên đán", saturday.Name);
    }

    [Fact]
    public void IsWorkingDay_2024ReunificationSwap_MondayOffAndSaturdayWorked()
    {
        var monday = Calendar.Describe(new DateOnly(2024, 4, 29));
        var saturday = Calendar.Describe(new DateOnly(2024, 5, 4));

        Assert.False(monday.IsWorkingDay);
        Assert.Equal(CalendarDayKind.SwappedDayOff, monday.Kind);
        Assert.Equal("Nghỉ hoán đổi, làm bù ngày 04/05/2024", monday.Name);
        Assert.True(saturday.IsWorkingDay);
        Assert.Equal(CalendarDayKind.MakeUpWorkingDay, saturday.Kind);
        Assert.Equal("Làm bù cho ngày nghỉ 29/04/2024", saturday.Name);
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2024, 5, 11)));
    }

    [Fact]
    public void IsWorkingDay_NewYear2026Swap_FridayOffAndSaturday10JanuaryWorked()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 1, 1)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 1, 5)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
    }

    [Fact]
    public void IsWorkingDay_NationalDay2026_MondaySwappedForSaturday22August()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 8, 22)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 8, 31)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 9, 1)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 9, 2)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 9, 3)));
    }

    [Fact]
    public void Describe_HungKingsDay2026OnSunday_MondayIsCompensated()
    {
        Assert.Equal("Giỗ Tổ Hùng Vương", Calendar.Describe(new DateOnly(2026, 4, 26)).Name);
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", Calendar.Describe(new DateOnly(2026, 4, 27)).Name);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 4, 28)));
    }

    [Fact]
    public void Describe_OrdinaryDays_NameTheWeekendDayOrWorkingDay()
    {
        Assert.Equal("Thứ Bảy", Calendar.Describe(new DateOnly(2025, 11, 29)).Name);
        Assert.Equal("Chủ nhật", Calendar.Describe(new DateOnly(2025, 11, 30)).Name);
        var monday = Calendar.Describe(new DateOnly(2025, 12, 1));
        Assert.True(monday.IsWorkingDay);
        Assert.Equal("Ngày làm việc", monday.Name);
    }

    private static void AssertBreak(DateOnly firstDayOff, DateOnly lastDayOff)
    {
        Assert.True(Calendar.IsWorkingDay(PreviousWeekday(firstDayOff)));
        for (var date = firstDayOff; date <= lastDayOff; date = date.AddDays(1))
        {
            var day = Calendar.Describe(date);
            Assert.False(day.IsWorkingDay, $"{date} should be off");
            Assert.Equal("Tết Nguyên đán", day.Name);
        }
        Assert.True(Calendar.IsWorkingDay(NextWeekday(lastDayOff)));
    }

    private static DateOnly PreviousWeekday(DateOnly date)
    {
        var previous = date.AddDays(-1);
        return WorkingCalendar.IsWeekend(previous) ? PreviousWeekday(previous) : previous;
    }

    private static DateOnly NextWeekday(DateOnly date)
    {
        var next = date.AddDays(1);
        return WorkingCalendar.IsWeekend(next) ? NextWeekday(next) : next;
    }
}
