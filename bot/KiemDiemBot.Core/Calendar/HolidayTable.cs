using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace KiemDiemBot.Core.Calendar;

/// <summary>
/// Reads and checks the shipped per-year holiday table (vn-holidays.json, an embedded resource).
/// A table that breaks a rule (a swap without its make-up Saturday, a date outside its year, two
/// rows for one date, Tết not on its lunar new year) is refused with the reason.
/// </summary>
internal static class HolidayTable
{
    public const string ResourceName = "KiemDiemBot.Core.Calendar.vn-holidays.json";

    public static FrozenDictionary<int, HolidayYear> LoadShipped()
    {
        using var stream = typeof(HolidayTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ResourceName} is missing from KiemDiemBot.Core.");
        return Parse(stream);
    }

    public static FrozenDictionary<int, HolidayYear> Parse(Stream json)
    {
        var document = JsonSerializer.Deserialize(json, HolidayTableJsonContext.Default.HolidayTableDocument)
            ?? throw new InvalidDataException("The holiday table is empty.");
        var years = new Dictionary<int, HolidayYear>();
        foreach (var year in document.Years)
        {
            if (!years.TryAdd(year.Year, ToHolidayYear(year)))
            {
                throw Invalid(year.Year, "the year is listed twice");
            }
        }
        return years.ToFrozenDictionary();
    }

    private static HolidayYear ToHolidayYear(HolidayTableYear year)
    {
        var status = year.Status switch
        {
            "decided" => HolidayScheduleStatus.Decided,
            "statutory-default" => HolidayScheduleStatus.StatutoryDefault,
            _ => throw Invalid(year.Year, $"unknown status '{year.Status}'"),
        };
        var days = new Dictionary<DateOnly, HolidayEntry>();
        foreach (var row in year.Days)
        {
            var entry = ToEntry(year.Year, row);
            foreach (var date in DatesOf(year.Year, row))
            {
                if (!days.TryAdd(date, entry))
                {
                    throw Invalid(year.Year, $"{Format(date)} has two rows");
                }
            }
        }
        CheckPairs(year.Year, days);
        CheckLunarHoliday(year.Year, days, year.LunarNewYear, PublicHoliday.LunarNewYear);
        CheckLunarHoliday(year.Year, days, year.HungKingsCommemoration, PublicHoliday.HungKingsCommemoration);
        return new HolidayYear(year.Year, status, year.LunarNewYear, year.HungKingsCommemoration, days.ToFrozenDictionary());
    }

    private static HolidayEntry ToEntry(int year, HolidayTableEntry row)
    {
        var kind = row.Kind switch
        {
            HolidayTableEntryKind.Holiday => CalendarDayKind.Holiday,
            HolidayTableEntryKind.Compensation => CalendarDayKind.CompensatoryDayOff,
            HolidayTableEntryKind.Swap => CalendarDayKind.SwappedDayOff,
            HolidayTableEntryKind.MakeUp => CalendarDayKind.MakeUpWorkingDay,
            _ => throw Invalid(year, $"unknown row kind {row.Kind}"),
        };
        var needsHoliday = kind is CalendarDayKind.Holiday or CalendarDayKind.CompensatoryDayOff;
        if (needsHoliday != row.Holiday.HasValue || needsHoliday == row.PairedWith.HasValue)
        {
            throw Invalid(year, $"a {row.Kind} row must name {(needsHoliday ? "a holiday and no paired date" : "a paired date and no holiday")}");
        }
        return new HolidayEntry(kind, row.Holiday, row.PairedWith);
    }

    private static IEnumerable<DateOnly> DatesOf(int year, HolidayTableEntry row)
    {
        var (from, to) = (row.Date, row.From, row.To) switch
        {
            ({ } date, null, null) => (date, date),
            (null, { } start, { } end) when start <= end => (start, end),
            _ => throw Invalid(year, "a row needs either a date or a from/to range"),
        };
        if (from.Year != year || to.Year != year)
        {
            throw Invalid(year, $"{Format(from)}..{Format(to)} lies outside the year");
        }
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    private static void CheckPairs(int year, Dictionary<DateOnly, HolidayEntry> days)
    {
        foreach (var (date, entry) in days)
        {
            if (entry.Kind is not (CalendarDayKind.SwappedDayOff or CalendarDayKind.MakeUpWorkingDay))
            {
                continue;
            }
            var expectedPartner = entry.Kind == CalendarDayKind.SwappedDayOff
                ? CalendarDayKind.MakeUpWorkingDay
                : CalendarDayKind.SwappedDayOff;
            var paired = entry.PairedDate.GetValueOrDefault();
            if (!days.TryGetValue(paired, out var partner) || partner.Kind != expectedPartner || partner.PairedDate != date)
            {
                throw Invalid(year, $"{Format(date)} is paired with {Format(paired)}, which does not pair back");
            }
            if (WorkingCalendar.IsWeekend(date) != (entry.Kind == CalendarDayKind.MakeUpWorkingDay))
            {
                throw Invalid(year, $"{Format(date)}: a swapped day off must be a weekday and its make-up day a weekend day");
            }
        }
    }

    private static void CheckLunarHoliday(int year, Dictionary<DateOnly, HolidayEntry> days, DateOnly date, PublicHoliday holiday)
    {
        if (!days.TryGetValue(date, out var entry) || entry.Kind != CalendarDayKind.Holiday || entry.Holiday != holiday)
        {
            throw Invalid(year, $"{Format(date)} is given as the {holiday} date but is not listed as that holiday");
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static InvalidDataException Invalid(int year, string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Holiday table, year {year}: {reason}."));
}
