using System.Collections.Frozen;

namespace KiemDiemBot.Core.Calendar;

/// <summary>One shipped year, checked and indexed by date.</summary>
internal sealed record HolidayYear(
    int Year,
    HolidayScheduleStatus Status,
    DateOnly LunarNewYear,
    DateOnly HungKingsCommemoration,
    FrozenDictionary<DateOnly, HolidayEntry> Days);
