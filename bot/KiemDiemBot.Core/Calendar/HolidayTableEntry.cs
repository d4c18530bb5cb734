namespace KiemDiemBot.Core.Calendar;

/// <summary>
/// A row of vn-holidays.json: one date, or an inclusive range (a Tết break). Holidays and
/// compensatory days name the holiday; swaps and make-up days name the paired date.
/// </summary>
internal sealed record HolidayTableEntry(
    HolidayTableEntryKind Kind,
    DateOnly? Date = null,
    DateOnly? From = null,
    DateOnly? To = null,
    PublicHoliday? Holiday = null,
    DateOnly? PairedWith = null);
