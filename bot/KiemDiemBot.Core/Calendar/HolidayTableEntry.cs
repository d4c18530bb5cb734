namespace KiemDiemBot.Core.Calendar;

/// <summary>A row of vn-holidays.json: one date, or an inclusive range (a Tết break).</summary>
internal sealed record HolidayTableEntry(
    DateOnly? Date,
    DateOnly? From,
    DateOnly? To,
    HolidayTableEntryKind Kind,
    PublicHoliday? Holiday,
    DateOnly? PairedWith);
