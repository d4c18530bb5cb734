namespace KiemDiemBot.Core.Calendar;

/// <summary>Why a day is, or is not, a working day.</summary>
public enum CalendarDayKind
{
    /// <summary>An ordinary working day (or a day off cancelled by a cycle override).</summary>
    WorkingDay,

    /// <summary>A Saturday or Sunday worked to make up a swapped day off.</summary>
    MakeUpWorkingDay,

    /// <summary>Saturday or Sunday.</summary>
    Weekend,

    /// <summary>A public holiday, including every day of a decided Tết break.</summary>
    Holiday,

    /// <summary>Nghỉ bù: a holiday fell on a weekend and moved to the next working day.</summary>
    CompensatoryDayOff,

    /// <summary>A weekday off made up on a Saturday (hoán đổi ngày làm việc).</summary>
    SwappedDayOff,

    /// <summary>A day off added by a cycle override.</summary>
    AdditionalDayOff,
}
