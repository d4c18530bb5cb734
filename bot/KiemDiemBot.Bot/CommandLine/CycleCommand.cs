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

    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    public string Name => "cycle";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
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
}
