namespace KiemDiemBot.Core.Calendar;

/// <summary>
/// The days off that are certain in a year the shipped table does not cover: the fixed-date holidays
/// (1/1, 30/4, 1/5, 2/9) and, when one falls on a weekend, its compensatory day on the next weekday
/// not already off (Labour Code 2019 Arts 111(3) and 112). Tết, Hùng Kings' day and the National
/// Day's adjacent day are lunar or decided each year, so they are not here.
/// </summary>
internal static class FixedDateHolidays
{
    public static HolidayEntry? Find(DateOnly date)
    {
        var days = new Dictionary<DateOnly, HolidayEntry>
        {
            [new DateOnly(date.Year, 1, 1)] = Holiday(PublicHoliday.NewYear),
            [new DateOnly(date.Year, 4, 30)] = Holiday(PublicHoliday.VictoryDay),
            [new DateOnly(date.Year, 5, 1)] = Holiday(PublicHoliday.InternationalLabourDay),
            [new DateOnly(date.Year, 9, 2)] = Holiday(PublicHoliday.NationalDay),
        };
        foreach (var (holidayDate, entry) in days.OrderBy(pair => pair.Key).ToList())
        {
            if (!WorkingCalendar.IsWeekend(holidayDate))
            {
                continue;
            }
            var compensation = holidayDate.AddDays(1);
            while (WorkingCalendar.IsWeekend(compensation) || days.ContainsKey(compensation))
            {
                compensation = compensation.AddDays(1);
            }
            days[compensation] = entry with { Kind = CalendarDayKind.CompensatoryDayOff };
        }
        return days.GetValueOrDefault(date);
    }

    private static HolidayEntry Holiday(PublicHoliday holiday) => new(CalendarDayKind.Holiday, holiday, PairedDate: null);
}
