namespace KiemDiemBot.Core.Calendar;

/// <summary>A known non-ordinary day: a holiday, a compensatory or swapped day off, or a make-up Saturday.</summary>
internal sealed record HolidayEntry(CalendarDayKind Kind, PublicHoliday? Holiday, DateOnly? PairedDate);
