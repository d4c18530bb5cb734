using KiemDiemBot.Core.Calendar;

namespace KiemDiemBot.Core.Cycles;

/// <summary>One stored <see cref="CalendarOverride"/> of a cycle.</summary>
internal sealed class CycleCalendarDay
{
    public Guid CycleId { get; set; }

    public DateOnly Date { get; set; }

    public CalendarOverrideKind Kind { get; set; }

    public string? Note { get; set; }

    public CalendarOverride ToOverride() => new(Date, Kind, Note);
}
