using System.Globalization;
using KiemDiemBot.Core.Reminders;

namespace KiemDiemBot.Core.Cycles;

/// <summary>A cycle's reminder settings: the working-day offsets before a meeting or due day, and the local time of day.</summary>
public static class ReminderSettings
{
    /// <summary>The largest offset allowed: four working weeks ahead.</summary>
    public const int MaxOffset = 20;

    /// <summary>The offsets as stored ("5,3,1"), largest first; unreadable parts are left out.</summary>
    public static IReadOnlyList<int> ParseOffsets(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return [];
        }
        return [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0)
            .Where(value => value is > 0 and <= MaxOffset)
            .Distinct()
            .OrderDescending()];
    }

    /// <summary>The offsets as stored, largest first.</summary>
    public static string FormatOffsets(IEnumerable<int> offsets) =>
        string.Join(',', offsets.OrderDescending().Select(o => o.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Null when valid; else why not (English, for the exception): distinct whole numbers from 1 to 20, at least one.</summary>
    public static string? ValidateOffsets(IReadOnlyCollection<int> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Count == 0)
        {
            return "At least one reminder offset is needed.";
        }
        if (offsets.Any(o => o is < 1 or > MaxOffset))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Reminder offsets are working days from 1 to {MaxOffset}.");
        }
        return offsets.Distinct().Count() == offsets.Count ? null : "Reminder offsets must be distinct.";
    }

    /// <summary>Whether reminders may go out at <paramref name="time"/>: inside the quiet window 07:30 to 20:00.</summary>
    public static bool IsValidTime(TimeOnly time) => QuietWindow.Contains(time);
}
