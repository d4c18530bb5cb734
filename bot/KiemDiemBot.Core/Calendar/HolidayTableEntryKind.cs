namespace KiemDiemBot.Core.Calendar;

/// <summary>The kind of a row in vn-holidays.json.</summary>
internal enum HolidayTableEntryKind
{
    Holiday,
    Compensation,
    Swap,
    MakeUp,
}
