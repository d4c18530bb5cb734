namespace KiemDiemBot.Core.Calendar;

public enum CalendarOverrideKind
{
    /// <summary>The date is not worked (an extra day off, or a holiday the shipped table lacks).</summary>
    DayOff,

    /// <summary>The date is worked: a make-up Saturday, or a shipped day off that this cycle does not observe.</summary>
    WorkingDay,
}
