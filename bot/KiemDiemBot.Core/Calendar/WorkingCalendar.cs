using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KiemDiemBot.Core.Calendar;

/// <summary>
/// Working days of the Vietnamese state sector in Asia/Ho_Chi_Minh: Monday to Friday, less public
/// holidays and their compensatory days, less swapped days off, plus make-up Saturdays, from the
/// shipped table (vn-holidays.json, 2020 to 2030) and the cycle's overrides. Immutable: a cycle's
/// calendar is <c>WorkingCalendar.VietnamStateSector.WithOverrides(cycleOverrides)</c>.
/// <para>
/// Outside the shipped years, with no override for the date, weekends and fixed-date holidays
/// (1/1, 30/4, 1/5, 2/9 and their compensatory days) are still answered, but any other date throws
/// <see cref="HolidayScheduleUnknownException"/>: Tết and Hùng Kings' day are lunar and are never
/// guessed. Use <see cref="TryDescribe"/> to ask without the exception.
/// </para>
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>How many working days ahead a draft collective report must go out (HD 43; seed plan 2022).</summary>
    public const int DraftLeadWorkingDays = 3;

    private const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>Longer runs of days off than this mean the overrides are wrong, not that work never resumes.</summary>
    private const int MaxConsecutiveDaysOff = 366;

    private static readonly Lazy<WorkingCalendar> Shipped = new(
        () => new WorkingCalendar(HolidayTable.LoadShipped(), []));

    private readonly FrozenDictionary<int, HolidayYear> years;
    private readonly FrozenDictionary<DateOnly, CalendarOverride> overrides;

    private WorkingCalendar(FrozenDictionary<int, HolidayYear> years, IReadOnlyList<CalendarOverride> overrides)
    {
        this.years = years;
        Overrides = overrides;
        var byDate = new Dictionary<DateOnly, CalendarOverride>();
        foreach (var calendarOverride in overrides)
        {
            byDate[calendarOverride.Date] = calendarOverride;
        }
        this.overrides = byDate.ToFrozenDictionary();
    }

    /// <summary>The shipped state-sector calendar with no cycle overrides.</summary>
    public static WorkingCalendar VietnamStateSector => Shipped.Value;

    /// <summary>Asia/Ho_Chi_Minh (UTC+7 all year since 1975).</summary>
    public static TimeZoneInfo TimeZone { get; } = ResolveTimeZone();

    /// <summary>The shipped years: 2020 to 2030.</summary>
    public IReadOnlyCollection<int> ShippedYears => years.Keys;

    public IReadOnlyList<CalendarOverride> Overrides { get; }

    /// <summary>
    /// This calendar's shipped table with <paramref name="cycleOverrides"/> in place of any earlier
    /// overrides. For one date, the last override in the list wins.
    /// </summary>
    public WorkingCalendar WithOverrides(IEnumerable<CalendarOverride> cycleOverrides)
    {
        ArgumentNullException.ThrowIfNull(cycleOverrides);
        return new WorkingCalendar(years, [.. cycleOverrides]);
    }

    /// <summary>The calendar date in Vietnam at <paramref name="instant"/>: 17:30 UTC is already the next day.</summary>
    public static DateOnly ToLocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ToLocalDate(timeProvider.GetUtcNow());
    }

    /// <summary>The instant of <paramref name="localTime"/> on <paramref name="date"/> in Vietnam.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly localTime)
    {
        var local = date.ToDateTime(localTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <exception cref="HolidayScheduleUnknownException">The date's year is not shipped and nothing else decides it.</exception>
    public bool IsWorkingDay(DateOnly date) => Describe(date).IsWorkingDay;

    /// <summary>What the date is, with its Vietnamese name ("Tết Nguyên đán", "Nghỉ bù Quốc khánh", "Thứ Bảy", ...).</summary>
    /// <exception cref="HolidayScheduleUnknownException">The date's year is not shipped and nothing else decides it.</exception>
    public CalendarDay Describe(DateOnly date) =>
        TryDescribe(date, out var day) ? day : throw new HolidayScheduleUnknownException(date);

    /// <summary>As <see cref="Describe"/>, but false instead of an exception when the date cannot be decided.</summary>
    public bool TryDescribe(DateOnly date, [NotNullWhen(true)] out CalendarDay? day)
    {
        day = DescribeOverride(date) ?? DescribeKnownDay(date);
        return day is not null;
    }

    /// <summary>The first working day after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The date <paramref name="count"/> working days after <paramref name="date"/> (before it when
    /// negative), counting working days only and not counting <paramref name="date"/> itself.
    /// </summary>
    /// <exception cref="HolidayScheduleUnknownException">The count runs into a date that cannot be decided.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        var step = count < 0 ? -1 : 1;
        var remaining = Math.Abs((long)count);
        var current = date;
        var daysOffInARow = 0;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
                daysOffInARow = 0;
            }
            else if (++daysOffInARow > MaxConsecutiveDaysOff)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"No working day within {MaxConsecutiveDaysOff} days of {current:yyyy-MM-dd}; check the cycle's calendar overrides."));
            }
        }
        return current;
    }

    /// <summary>"<paramref name="count"/> working days before <paramref name="date"/>" (DOMAIN A6): counted back over working days only, not counting the date.</summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return AddWorkingDays(date, -count);
    }

    /// <summary>The latest date the draft collective report can go out for a meeting on <paramref name="meetingDate"/>.</summary>
    public DateOnly LatestDraftCirculationDate(DateOnly meetingDate) => WorkingDaysBefore(meetingDate, DraftLeadWorkingDays);

    public HolidayScheduleStatus GetScheduleStatus(int year) =>
        years.TryGetValue(year, out var known) ? known.Status : HolidayScheduleStatus.Unknown;

    /// <summary>
    /// A Vietnamese notice to show beside dates of <paramref name="year"/> when its holidays are not the
    /// announced ones (statutory default, or unknown); empty for a decided year.
    /// </summary>
    public string GetScheduleNotice(int year) => CalendarDayNames.ScheduleNotice(GetScheduleStatus(year), year);

    /// <summary>The Vietnamese lunar new year's day (mùng 1 Tết, UTC+7) of <paramref name="year"/>.</summary>
    /// <exception cref="HolidayScheduleUnknownException">The year is not shipped.</exception>
    public DateOnly GetLunarNewYear(int year) => ShippedYear(year).LunarNewYear;

    /// <summary>Giỗ Tổ Hùng Vương (10/3 of the Vietnamese lunar calendar) in <paramref name="year"/>.</summary>
    /// <exception cref="HolidayScheduleUnknownException">The year is not shipped.</exception>
    public DateOnly GetHungKingsCommemoration(int year) => ShippedYear(year).HungKingsCommemoration;

    private HolidayYear ShippedYear(int year) =>
        years.TryGetValue(year, out var known) ? known : throw new HolidayScheduleUnknownException(new DateOnly(year, 1, 1));

    private CalendarDay? DescribeOverride(DateOnly date)
    {
        if (!overrides.TryGetValue(date, out var calendarOverride))
        {
            return null;
        }
        var kind = calendarOverride.Kind switch
        {
            CalendarOverrideKind.DayOff => CalendarDayKind.AdditionalDayOff,
            _ when IsWeekend(date) => CalendarDayKind.MakeUpWorkingDay,
            _ => CalendarDayKind.WorkingDay,
        };
        return new CalendarDay(date, kind, CalendarDayNames.Override(date, calendarOverride));
    }

    private CalendarDay? DescribeKnownDay(DateOnly date)
    {
        var isShippedYear = years.TryGetValue(date.Year, out var year);
        var entry = isShippedYear ? year!.Days.GetValueOrDefault(date) : FixedDateHolidays.Find(date);
        if (entry is not null)
        {
            return new CalendarDay(date, entry.Kind, CalendarDayNames.Of(date, entry))
            {
                Holiday = entry.Holiday,
                PairedDate = entry.PairedDate,
            };
        }
        if (IsWeekend(date))
        {
            return new CalendarDay(date, CalendarDayKind.Weekend, CalendarDayNames.Weekend(date));
        }
        return isShippedYear ? new CalendarDay(date, CalendarDayKind.WorkingDay, CalendarDayNames.WorkingDay) : null;
    }

    private static TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(7), TimeZoneId, TimeZoneId);
}
