using System.Globalization;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Calendar;

/// <summary>The Vietnamese names of calendar days, from CalendarTexts.resx.</summary>
internal static class CalendarDayNames
{
    public static string Of(PublicHoliday holiday) => holiday switch
    {
        PublicHoliday.NewYear => CalendarTexts.NewYear,
        PublicHoliday.LunarNewYear => CalendarTexts.LunarNewYear,
        PublicHoliday.HungKingsCommemoration => CalendarTexts.HungKingsCommemoration,
        PublicHoliday.VictoryDay => CalendarTexts.VictoryDay,
        PublicHoliday.InternationalLabourDay => CalendarTexts.InternationalLabourDay,
        PublicHoliday.NationalDay => CalendarTexts.NationalDay,
        _ => throw new ArgumentOutOfRangeException(nameof(holiday), holiday, "Unknown public holiday."),
    };

    public static string Of(DateOnly date, HolidayEntry entry) => entry.Kind switch
    {
        CalendarDayKind.Holiday => Of(entry.Holiday.GetValueOrDefault()),
        CalendarDayKind.CompensatoryDayOff => Format(CalendarTexts.CompensatoryDayOff, Of(entry.Holiday.GetValueOrDefault())),
        CalendarDayKind.SwappedDayOff => Format(CalendarTexts.SwappedDayOff, ShortDate(entry.PairedDate.GetValueOrDefault())),
        CalendarDayKind.MakeUpWorkingDay => Format(CalendarTexts.MakeUpWorkingDay, ShortDate(entry.PairedDate.GetValueOrDefault())),
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, $"No table name for {ShortDate(date)}."),
    };

    public static string WorkingDay => CalendarTexts.WorkingDay;

    public static string Weekend(DateOnly date) =>
        date.DayOfWeek == DayOfWeek.Saturday ? CalendarTexts.Saturday : CalendarTexts.Sunday;

    public static string Override(DateOnly date, CalendarOverride calendarOverride)
    {
        if (!string.IsNullOrWhiteSpace(calendarOverride.Note))
        {
            return calendarOverride.Note.Trim();
        }
        return calendarOverride.Kind switch
        {
            CalendarOverrideKind.DayOff => CalendarTexts.AdditionalDayOff,
            _ when WorkingCalendar.IsWeekend(date) => CalendarTexts.MakeUpWorkingDayUnpaired,
            _ => CalendarTexts.WorkingDay,
        };
    }

    public static string ScheduleNotice(HolidayScheduleStatus status, int year) => status switch
    {
        HolidayScheduleStatus.Decided => string.Empty,
        HolidayScheduleStatus.StatutoryDefault => Format(CalendarTexts.ScheduleStatutoryDefault, year),
        _ => Format(CalendarTexts.ScheduleUnknown, year),
    };

    private static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Format(string format, object argument) =>
        string.Format(CultureInfo.InvariantCulture, format, argument);
}
