namespace KiemDiemBot.Core.Calendar;

/// <summary>How much is known about a year's holidays.</summary>
public enum HolidayScheduleStatus
{
    /// <summary>The state-sector schedule the Government actually announced.</summary>
    Decided,

    /// <summary>Not announced yet: the statutory days from the Labour Code, dated with the Vietnamese lunar calendar.</summary>
    StatutoryDefault,

    /// <summary>Not in the shipped table: only weekends and fixed-date holidays are known.</summary>
    Unknown,
}
