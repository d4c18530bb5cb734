namespace KiemDiemBot.Core.Calendar;

/// <summary>What the calendar says about one date, with a Vietnamese name to show people.</summary>
/// <param name="Date">The date in Asia/Ho_Chi_Minh.</param>
/// <param name="Kind">Why the day is or is not worked.</param>
/// <param name="Name">Vietnamese name: "Tết Nguyên đán", "Nghỉ bù Quốc khánh", "Thứ Bảy", "Ngày làm việc", ...</param>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name)
{
    /// <summary>The holiday behind a holiday or a compensatory day off.</summary>
    public PublicHoliday? Holiday { get; init; }

    /// <summary>For a swapped day off, the Saturday that makes it up; for a make-up day, the day it makes up.</summary>
    public DateOnly? PairedDate { get; init; }

    public bool IsWorkingDay => Kind is CalendarDayKind.WorkingDay or CalendarDayKind.MakeUpWorkingDay;
}
