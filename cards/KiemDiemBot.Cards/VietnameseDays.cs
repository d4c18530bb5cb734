using System.Globalization;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>Days as people read them on a card: "Thứ Sáu, 27/02/2026".</summary>
public static class VietnameseDays
{
    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => ReminderScheduleTexts.Monday,
        DayOfWeek.Tuesday => ReminderScheduleTexts.Tuesday,
        DayOfWeek.Wednesday => ReminderScheduleTexts.Wednesday,
        DayOfWeek.Thursday => ReminderScheduleTexts.Thursday,
        DayOfWeek.Friday => ReminderScheduleTexts.Friday,
        DayOfWeek.Saturday => ReminderScheduleTexts.Saturday,
        DayOfWeek.Sunday => ReminderScheduleTexts.Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, null),
    };

    /// <summary>The weekday's name and the date, dd/MM/yyyy.</summary>
    public static string Format(DateOnly date) =>
        string.Format(CultureInfo.InvariantCulture, ReminderScheduleTexts.DayFormat,
            WeekdayName(date.DayOfWeek), date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
}
