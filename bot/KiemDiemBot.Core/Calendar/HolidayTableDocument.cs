namespace KiemDiemBot.Core.Calendar;

/// <summary>The whole of vn-holidays.json as stored.</summary>
internal sealed record HolidayTableDocument(string Scope, string LunarCalendar, IReadOnlyList<HolidayTableYear> Years);
