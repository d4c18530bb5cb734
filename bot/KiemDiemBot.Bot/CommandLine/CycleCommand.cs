using System.Globalization;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Secretary;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary>
/// <c>cycle open &lt;year&gt; [--rule-set CODE]</c>: opens the year's review cycle (the seed's deadlines for a new
/// cycle; an open one keeps its own and, without <c>--rule-set</c>, its rule set), stages the news for every
/// reachable member once (the running host sends it), and commits both in one unit of work. Prints what was
/// opened and how many members were told. Wrong usage, a bad year or an unknown rule set: one line, exit code 2.
/// <c>cycle reminders &lt;year&gt; [--offsets 5,3,1] [--time 08:00]</c>: sets the working-day offsets and the local time
/// of the cycle's automatic reminders (audited), and prints them.
/// </summary>
public sealed class CycleCommand(
    IReviewCycleService cycles,
    IMemberNotices notices,
    IUnitOfWork unitOfWork,
    IDatabaseMigrator migrator,
    StorageOptions storage,
    TextWriter output) : ICliCommand
{
    /// <summary>Who the audit log names for a cycle opened here.</summary>
    public const string Actor = "cli:cycle-open";

    /// <summary>Who the audit log names for reminder settings set here.</summary>
    public const string RemindersActor = "cli:cycle-reminders";

    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    public string Name => "cycle";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count > 0 && arguments[0] == "reminders")
        {
            return await RunRemindersAsync(arguments, cancellationToken);
        }
        if (arguments.Count is not (2 or 4) || arguments[0] != "open" || (arguments.Count == 4 && arguments[2] != "--rule-set"))
        {
            await output.WriteLineAsync(CycleCommandTexts.Usage);
            return 2;
        }
        if (!int.TryParse(arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinYear or > MaxYear)
        {
            await output.WriteLineAsync(CycleCommandTexts.YearInvalid(arguments[1], MinYear, MaxYear));
            return 2;
        }
        var ruleSetCode = arguments.Count == 4 ? arguments[3] : null;
        if (ruleSetCode is not null && !RuleSetCatalog.TryGet(ruleSetCode, out _))
        {
            await output.WriteLineAsync(CycleCommandTexts.RuleSetUnknown(ruleSetCode));
            return 2;
        }
        if (!await CommandDatabase.EnsureReadyAsync(storage, migrator, output, cancellationToken))
        {
            return 3;
        }
        var existing = await cycles.FindByYearAsync(year, cancellationToken);
        var cycle = await cycles.OpenAsync(
            year, ruleSetCode ?? existing?.RuleSetCode ?? RuleSetCatalog.Codes[0], new Dictionary<DeadlineKind, DateOnly>(), Actor, cancellationToken);
        var told = await CycleOpenedNotice.StageAsync(notices, cycle, organisationId: null, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);

        var ruleSetName = RuleSetCatalog.TryGet(cycle.RuleSetCode, out var ruleSet) ? ruleSet.DisplayName : cycle.RuleSetCode;
        await output.WriteLineAsync(CycleCommandTexts.Opened(year, ruleSetName, wasOpen: existing?.OpenedAt is not null));
        foreach (var kind in DeadlineKinds.All.Where(cycle.Deadlines.ContainsKey))
        {
            await output.WriteLineAsync(CycleCommandTexts.Deadline(kind, cycle.Deadlines[kind]));
        }
        await output.WriteLineAsync(CycleCommandTexts.Notified(told.Staged, told.Unreachable.Count));
        if (told.AlreadySent > 0)
        {
            await output.WriteLineAsync(CycleCommandTexts.AlreadyNotified(told.AlreadySent));
        }
        return 0;
    }

    private async Task<int> RunRemindersAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        string? offsetsTyped = null;
        string? timeTyped = null;
        var wellFormed = arguments.Count is 4 or 6;
        for (var i = 2; wellFormed && i + 1 < arguments.Count; i += 2)
        {
            switch (arguments[i])
            {
                case "--offsets" when offsetsTyped is null:
                    offsetsTyped = arguments[i + 1];
                    break;
                case "--time" when timeTyped is null:
                    timeTyped = arguments[i + 1];
                    break;
                default:
                    wellFormed = false;
                    break;
            }
        }
        if (!wellFormed)
        {
            await output.WriteLineAsync(CycleCommandTexts.UsageReminders);
            return 2;
        }
        if (!int.TryParse(arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinYear or > MaxYear)
        {
            await output.WriteLineAsync(CycleCommandTexts.YearInvalid(arguments[1], MinYear, MaxYear));
            return 2;
        }
        IReadOnlyList<int>? offsets = null;
        if (offsetsTyped is not null && !TryParseOffsets(offsetsTyped, out offsets))
        {
            await output.WriteLineAsync(CycleCommandTexts.OffsetsInvalid(offsetsTyped));
            return 2;
        }
        TimeOnly? time = null;
        if (timeTyped is not null)
        {
            if (!TimeOnly.TryParseExact(timeTyped, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                || !ReminderSettings.IsValidTime(parsed))
            {
                await output.WriteLineAsync(CycleCommandTexts.TimeInvalid(timeTyped));
                return 2;
            }
            time = parsed;
        }
        if (!await CommandDatabase.EnsureReadyAsync(storage, migrator, output, cancellationToken))
        {
            return 3;
        }
        if (await cycles.FindByYearAsync(year, cancellationToken) is not { } cycle)
        {
            await output.WriteLineAsync(CycleCommandTexts.NoCycle(year));
            return 2;
        }
        offsets ??= cycle.ReminderOffsets;
        var at = time ?? cycle.ReminderTime;
        var changed = await cycles.SetReminderSettingsAsync(cycle.Id, offsets, at, RemindersActor, RemindersActor, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        await output.WriteLineAsync(CycleCommandTexts.Reminders(year, [.. offsets.OrderDescending()], at, changed));
        return 0;
    }

    private static bool TryParseOffsets(string typed, out IReadOnlyList<int> offsets)
    {
        var parts = typed.Split(',', StringSplitOptions.TrimEntries);
        var values = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                offsets = [];
                return false;
            }
            values.Add(value);
        }
        offsets = values;
        return ReminderSettings.ValidateOffsets(values) is null;
    }
}
