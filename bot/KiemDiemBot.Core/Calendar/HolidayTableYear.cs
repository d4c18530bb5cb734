namespace KiemDiemBot.Core.Calendar;

/// <summary>One year of vn-holidays.json as stored.</summary>
internal sealed record HolidayTableYear(
    int Year,
    string Status,
    string Basis,
    DateOnly LunarNewYear,
    DateOnly HungKingsCommemoration,
    IReadOnlyList<HolidayTableEntry> Days);
