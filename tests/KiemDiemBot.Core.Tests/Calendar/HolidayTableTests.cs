using System.Globalization;
using System.Text;
using KiemDiemBot.Core.Calendar;

namespace KiemDiemBot.Core.Tests.Calendar;

public sealed class HolidayTableTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamStateSector;

    [Fact]
    public void ShippedYears_Always_Cover2020To2030WithDecidedYearsThrough2026()
    {
        Assert.Equal(Enumerable.Range(2020, 11), Calendar.ShippedYears.Order());
        Assert.All(Enumerable.Range(2020, 7), year => Assert.Equal(HolidayScheduleStatus.Decided, Calendar.GetScheduleStatus(year)));
        Assert.All(Enumerable.Range(2027, 4), year => Assert.Equal(HolidayScheduleStatus.StatutoryDefault, Calendar.GetScheduleStatus(year)));
    }

    [Theory]
    [InlineData(2020, 10)]
    [InlineData(2021, 11)]
    [InlineData(2022, 11)]
    [InlineData(2023, 11)]
    [InlineData(2024, 11)]
    [InlineData(2025, 11)]
    [InlineData(2026, 11)]
    [InlineData(2027, 11)]
    [InlineData(2028, 11)]
    [InlineData(2029, 11)]
    [InlineData(2030, 11)]
    public void Describe_EachShippedYear_GivesTheStatutoryPaidWeekdaysOffAndMakesUpEverySwap(int year, int statutoryDays)
    {
        var days = DaysOf(year).Select(Calendar.Describe).ToList();

        var paidWeekdaysOff = days.Count(day => !day.IsWorkingDay
            && !WorkingCalendar.IsWeekend(day.Date)
            && day.Kind != CalendarDayKind.SwappedDayOff);
        var swapped = days.Count(day => day.Kind == CalendarDayKind.SwappedDayOff);
        var madeUp = days.Count(day => day.Kind == CalendarDayKind.MakeUpWorkingDay);

        Assert.Equal(statutoryDays, paidWeekdaysOff);
        Assert.Equal(swapped, madeUp);
    }

    [Theory]
    [InlineData(2020, "2020-01-25", "2020-04-02")]
    [InlineData(2021, "2021-02-12", "2021-04-21")]
    [InlineData(2022, "2022-02-01", "2022-04-10")]
    [InlineData(2023, "2023-01-22", "2023-04-29")]
    [InlineData(2024, "2024-02-10", "2024-04-18")]
    [InlineData(2025, "2025-01-29", "2025-04-07")]
    [InlineData(2026, "2026-02-17", "2026-04-26")]
    [InlineData(2027, "2027-02-06", "2027-04-16")]
    [InlineData(2028, "2028-01-26", "2028-04-04")]
    [InlineData(2029, "2029-02-13", "2029-04-23")]
    [InlineData(2030, "2030-02-02", "2030-04-12")]
    public void GetLunarNewYear_EachShippedYear_IsTheVietnameseDateAndADayOff(int year, string tet, string hungKings)
    {
        var tetDate = DateOnly.Parse(tet, CultureInfo.InvariantCulture);
        var hungKingsDate = DateOnly.Parse(hungKings, CultureInfo.InvariantCulture);

        Assert.Equal(tetDate, Calendar.GetLunarNewYear(year));
        Assert.Equal(hungKingsDate, Calendar.GetHungKingsCommemoration(year));
        Assert.Equal("Tết Nguyên đán", Calendar.Describe(tetDate).Name);
        Assert.Equal("Giỗ Tổ Hùng Vương", Calendar.Describe(hungKingsDate).Name);
        Assert.False(Calendar.IsWorkingDay(tetDate.AddDays(-1)));
    }

    [Fact]
    public void GetLunarNewYear_2030_IsADayBeforeChineseLunisolarCalendar()
    {
        // The new moon of February 2030 falls at about 16:07 UTC on 2 February: 23:07 in Vietnam (UTC+7)
        // but 00:07 on 3 February in China (UTC+8), which .NET's ChineseLunisolarCalendar follows.
        var chinese = new ChineseLunisolarCalendar();
        var chineseNewYear = DateOnly.FromDateTime(chinese.ToDateTime(2030, 1, 1, 0, 0, 0, 0));

        Assert.Equal(new DateOnly(2030, 2, 3), chineseNewYear);
        Assert.Equal(new DateOnly(2030, 2, 2), Calendar.GetLunarNewYear(2030));
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2029)]
    public void GetLunarNewYear_YearsBefore2030_AgreeWithChineseLunisolarCalendar(int year)
    {
        var chinese = new ChineseLunisolarCalendar();

        Assert.Equal(DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0)), Calendar.GetLunarNewYear(year));
    }

    [Fact]
    public void Parse_SwapWithoutItsMakeUpSaturday_IsRefusedWithTheDate()
    {
        const string Json = """
            { "scope": "test", "lunarCalendar": "test", "years": [ {
              "year": 2024, "status": "decided", "basis": "test",
              "lunarNewYear": "2024-02-10", "hungKingsCommemoration": "2024-04-18",
              "days": [
                { "from": "2024-02-08", "to": "2024-02-14", "kind": "holiday", "holiday": "lunarNewYear" },
                { "date": "2024-04-18", "kind": "holiday", "holiday": "hungKingsCommemoration" },
                { "date": "2024-04-29", "kind": "swap", "pairedWith": "2024-05-04" }
              ] } ] }
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json));

        var error = Assert.Throws<InvalidDataException>(() => HolidayTable.Parse(stream));

        Assert.Contains("2024-04-29", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<DateOnly> DaysOf(int year)
    {
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            yield return date;
        }
    }
}
