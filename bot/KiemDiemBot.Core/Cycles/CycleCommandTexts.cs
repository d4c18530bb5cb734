using System.Globalization;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Cycles;

/// <summary>The Vietnamese lines the <c>cycle</c> command prints (the resources themselves stay internal to Core).</summary>
public static class CycleCommandTexts
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The command's line in <c>help</c>.</summary>
    public static string Help => string.Format(Vietnamese, CycleCliTexts.Help, RuleSetCatalog.Codes[0]);

    public static string Usage => CycleCliTexts.Usage;

    public static string YearInvalid(string typed, int min, int max) => string.Format(Vietnamese, CycleCliTexts.YearInvalid, typed, min, max);

    public static string RuleSetUnknown(string typed) => string.Format(Vietnamese, CycleCliTexts.RuleSetUnknown, typed, string.Join(", ", RuleSetCatalog.Codes));

    public static string Opened(int year, string ruleSetName, bool wasOpen) =>
        string.Format(Vietnamese, wasOpen ? CycleCliTexts.AlreadyOpen : CycleCliTexts.Opened, year, ruleSetName);

    public static string Deadline(DeadlineKind kind, DateOnly dueBefore) =>
        string.Format(Vietnamese, CycleCliTexts.Deadline, kind.DisplayName(), dueBefore.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

    public static string Notified(int notified, int unreachable) => string.Format(Vietnamese, CycleCliTexts.Notified, notified, unreachable);

    public static string AlreadyNotified(int count) => string.Format(Vietnamese, CycleCliTexts.AlreadyNotified, count);

    /// <summary>The <c>cycle reminders</c> line in <c>help</c>.</summary>
    public static string HelpReminders => CycleCliTexts.HelpReminders;

    public static string UsageReminders => CycleCliTexts.UsageReminders;

    public static string NoCycle(int year) => string.Format(Vietnamese, CycleCliTexts.NoCycle, year);

    public static string OffsetsInvalid(string typed) => string.Format(Vietnamese, CycleCliTexts.OffsetsInvalid, typed, ReminderSettings.MaxOffset);

    public static string TimeInvalid(string typed) => string.Format(Vietnamese, CycleCliTexts.TimeInvalid, typed);

    public static string Reminders(int year, IReadOnlyList<int> offsets, TimeOnly time, bool changed) => string.Format(
        Vietnamese,
        changed ? CycleCliTexts.RemindersSet : CycleCliTexts.RemindersUnchanged,
        year,
        string.Join(", ", offsets.Select(o => o.ToString(CultureInfo.InvariantCulture))),
        time.ToString("HH:mm", CultureInfo.InvariantCulture));
}
