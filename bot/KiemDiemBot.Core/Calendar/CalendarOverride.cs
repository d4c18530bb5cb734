namespace KiemDiemBot.Core.Calendar;

/// <summary>
/// One cycle's change to the shipped holiday table: a day off added or a day made a working day.
/// An override beats the shipped table; among overrides for the same date the last one wins.
/// </summary>
/// <param name="Date">The date in Asia/Ho_Chi_Minh.</param>
/// <param name="Kind">Day off or working day.</param>
/// <param name="Note">What people see as the day's name (Vietnamese, entered by the organiser); a default name when empty.</param>
public sealed record CalendarOverride(DateOnly Date, CalendarOverrideKind Kind, string? Note = null);
