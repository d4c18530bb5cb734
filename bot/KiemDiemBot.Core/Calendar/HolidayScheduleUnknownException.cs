using System.Globalization;

namespace KiemDiemBot.Core.Calendar;

/// <summary>
/// Thrown when a question about a date needs a year's lunar holidays (Tết, Giỗ Tổ Hùng Vương) or the
/// National Day's adjacent day, and neither the shipped table nor a cycle override gives them.
/// Weekends and fixed-date holidays are answered without it. Callers show
/// <see cref="WorkingCalendar.GetScheduleNotice(int)"/> and ask for overrides for the year.
/// </summary>
public sealed class HolidayScheduleUnknownException : Exception
{
    public HolidayScheduleUnknownException(DateOnly date)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The holiday schedule of {date.Year} is not known, so whether {date:yyyy-MM-dd} is a working day cannot be decided: ")
            + "Tết and Hùng Kings' day follow the Vietnamese lunar calendar and are only shipped for the years in vn-holidays.json. "
            + "Add the year's days off as calendar overrides.")
    {
        Date = date;
    }

    public DateOnly Date { get; }

    public int Year => Date.Year;
}
