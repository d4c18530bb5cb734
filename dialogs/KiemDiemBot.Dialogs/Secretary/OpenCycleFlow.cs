using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>The opening form as last shown: whose members are told, and the year, rule set and deadlines (typed or prefilled).</summary>
/// <param name="ScopeOrganisationId">The organisation whose members are told; null: every member (an administrator).</param>
public sealed record OpenCycleState(
    Guid? ScopeOrganisationId,
    string? ScopeName,
    int? Year,
    string? RuleSetCode,
    IReadOnlyList<OpenCycleDeadlineValue> Deadlines);

/// <summary>One deadline of the form and its date (null: left empty).</summary>
public sealed record OpenCycleDeadlineValue(DeadlineKind Kind, DateOnly? DueBefore);

/// <summary>
/// "mở đợt kiểm điểm": an administrator, or the secretary of a party organisation with organisations under it,
/// gets a form with the year (this year in Asia/Ho_Chi_Minh), the rule set and the plan's deadlines (the year's
/// cycle's if it exists, else the seed's), all editable. Submitting opens the cycle
/// (<see cref="IReviewCycleService.OpenAsync"/>), stages the news for the reachable members of the secretary's
/// organisation (everyone, for an administrator) once per member, and tells the secretary how many were told and
/// who could not be reached. Nothing is written until the turn commits.
/// </summary>
public sealed class OpenCycleFlow : Flow<OpenCycleState>
{
    public const string FlowName = "open-cycle";
    public const string Command = "mo dot kiem diem";
    public const string FormStep = "form";

    private readonly IReviewCycleService cycles;
    private readonly ILeadershipScopes leadership;
    private readonly IMemberNotices notices;
    private readonly TimeProvider clock;
    private readonly ILogger<OpenCycleFlow> logger;

    public OpenCycleFlow(IReviewCycleService cycles, ILeadershipScopes leadership, IMemberNotices notices, TimeProvider clock, ILogger<OpenCycleFlow> logger)
    {
        this.cycles = cycles;
        this.leadership = leadership;
        this.notices = notices;
        this.clock = clock;
        this.logger = logger;
        Steps =
        [
            new(FormStep)
            {
                Card = Form,
                Summary = Summary,
                Answer = AnswerAsync,
            },
        ];
    }

    public override string Name => FlowName;

    public override IReadOnlyCollection<string> StartCommands { get; } = [Command];

    protected override IReadOnlyList<FlowStep<OpenCycleState>> Steps { get; }

    /// <summary>The input id of a deadline's date on the form.</summary>
    public static string DeadlineInput(DeadlineKind kind) => "deadline_" + kind;

    protected override async Task<FlowStart<OpenCycleState>> StartAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = await leadership.CycleOpeningScopeAsync(context.Member, cancellationToken);
        if (scope is null)
        {
            SecretaryLog.Refused(logger, context.Member.MemberId, FlowName);
            return FlowStart.Refuse<OpenCycleState>(DialogReply.FromText(SecretaryDialogTexts.OpenCycleNotAllowed));
        }
        var year = WorkingCalendar.Today(clock).Year;
        var existing = await cycles.FindByYearAsync(year, cancellationToken);
        var deadlines = DeadlineKinds.All
            .Select(kind => new OpenCycleDeadlineValue(kind, existing is not null && existing.Deadlines.TryGetValue(kind, out var date) ? date : kind.SeedDefault(year)))
            .ToList();
        return FlowStart.Begin(new OpenCycleState(scope.OrganisationId, scope.OrganisationName, year, existing?.RuleSetCode ?? RuleSetCatalog.Codes[0], deadlines));
    }

    private JsonObject Form(OpenCycleState state, IReadOnlyList<string> errors)
    {
        var (minYear, maxYear) = YearRange();
        return OpenCycleCard.Build(new OpenCycleCardInput(
            state.Year,
            state.RuleSetCode,
            [.. RuleSetCatalog.Codes.Select(code => new OpenCycleChoice(code, RuleSetName(code)))],
            [.. state.Deadlines.Select(d => new OpenCycleDeadline(DeadlineInput(d.Kind), d.Kind.DisplayName(), d.DueBefore))],
            state.ScopeName)
        {
            MinYear = minYear,
            MaxYear = maxYear,
            Errors = errors,
        });
    }

    private static JsonObject Summary(OpenCycleState state) =>
        AnsweredCard.Build(new AnsweredCardInput(
            string.Format(CultureInfo.InvariantCulture, SecretaryDialogTexts.OpenCycleSummaryTitle, state.Year),
            [
                new AnsweredCardFact(SecretaryDialogTexts.OpenCycleSummaryRuleSet, state.RuleSetCode is null ? null : RuleSetName(state.RuleSetCode)),
                .. state.Deadlines.Select(d => new AnsweredCardFact(d.Kind.DisplayName(), d.DueBefore is { } date ? CardValues.FormatDate(date) : null)),
            ]));

    private async Task<StepOutcome<OpenCycleState>> AnswerAsync(FlowAnswer<OpenCycleState> answer, CancellationToken cancellationToken)
    {
        var (shown, errors) = Read(answer.State, answer.Input.Values);
        var member = answer.Context.Member;
        if (errors.Count > 0)
        {
            return answer.Stay(shown, errors);
        }
        // Asked again at the submit: the member's posts may have changed since the form was sent.
        var scope = await leadership.CycleOpeningScopeAsync(member, cancellationToken);
        if (scope is null)
        {
            SecretaryLog.Refused(logger, member.MemberId, FlowName);
            return answer.Stay(shown, SecretaryDialogTexts.OpenCycleNotAllowed);
        }
        var year = shown.Year!.Value;
        var deadlines = shown.Deadlines.ToDictionary(d => d.Kind, d => d.DueBefore!.Value);
        var cycle = await cycles.OpenAsync(year, shown.RuleSetCode!, deadlines, member.MemberId.ToString(), cancellationToken);
        var told = await CycleOpenedNotice.StageAsync(notices, cycle, scope.OrganisationId, cancellationToken);
        SecretaryLog.CycleOpened(logger, cycle.Id, year, member.MemberId, told.Staged, told.AlreadySent, told.Unreachable.Count);
        var report = CycleOpenedReportCard.Build(new CycleOpenedReportCardInput(
            year,
            RuleSetName(cycle.RuleSetCode),
            [.. DeadlineKinds.All.Where(cycle.Deadlines.ContainsKey).Select(kind => new CycleOpenedDeadline(kind.DisplayName(), cycle.Deadlines[kind]))],
            told.Staged,
            told.Unreachable.Count,
            [.. told.Unreachable.Take(CycleOpenedReportCard.MaxNamesShown).Select(u => u.FullName)])
        {
            AlreadyNotified = told.AlreadySent,
        });
        return answer.Complete(shown with { ScopeOrganisationId = scope.OrganisationId, ScopeName = scope.OrganisationName }, report);
    }

    /// <summary>The form's values as typed, and what is wrong with them.</summary>
    private (OpenCycleState Shown, List<string> Errors) Read(OpenCycleState state, JsonObject? values)
    {
        var errors = new List<string>();
        var culture = CultureInfo.InvariantCulture;
        var (minYear, maxYear) = YearRange();
        var year = CardValues.Int(values, OpenCycleCard.YearInput);
        if (year is not { } y || y < minYear || y > maxYear)
        {
            errors.Add(string.Format(culture, SecretaryDialogTexts.OpenCycleYearInvalid, minYear, maxYear));
        }
        var ruleSet = CardValues.Text(values, OpenCycleCard.RuleSetInput)?.Trim();
        if (ruleSet is null || !RuleSetCatalog.TryGet(ruleSet, out _))
        {
            errors.Add(SecretaryDialogTexts.OpenCycleRuleSetUnknown);
            ruleSet = state.RuleSetCode;
        }
        var deadlines = new List<OpenCycleDeadlineValue>();
        foreach (var kind in DeadlineKinds.All)
        {
            if (values is not null && !values.ContainsKey(DeadlineInput(kind)))
            {
                // A form sent before the kind existed has no input for it: the date it would have shown for the year stands.
                var shownDate = (state.Year == year ? state.Deadlines.FirstOrDefault(d => d.Kind == kind)?.DueBefore : null)
                    ?? kind.SeedDefault(year ?? state.Year ?? WorkingCalendar.Today(clock).Year);
                deadlines.Add(new OpenCycleDeadlineValue(kind, shownDate));
                continue;
            }
            var date = CardValues.Date(CardValues.Text(values, DeadlineInput(kind)), out var valid);
            if (!valid)
            {
                errors.Add(string.Format(culture, SecretaryDialogTexts.OpenCycleDeadlineInvalid, kind.DisplayName()));
            }
            else if (date is null)
            {
                errors.Add(string.Format(culture, SecretaryDialogTexts.OpenCycleDeadlineMissing, kind.DisplayName()));
            }
            else if (year is { } reviewed && (date.Value.Year < reviewed || date.Value > new DateOnly(reviewed + 1, 3, 31)))
            {
                errors.Add(string.Format(culture, SecretaryDialogTexts.OpenCycleDeadlineOutsideYear, kind.DisplayName(), CardValues.FormatDate(date.Value), reviewed));
            }
            deadlines.Add(new OpenCycleDeadlineValue(kind, date));
        }
        return (state with { Year = year, RuleSetCode = ruleSet, Deadlines = deadlines }, errors);
    }

    /// <summary>Last year to next year: a cycle is opened in its own year, or just after it for a late review.</summary>
    private (int Min, int Max) YearRange()
    {
        var year = WorkingCalendar.Today(clock).Year;
        return (year - 1, year + 1);
    }

    private static string RuleSetName(string code) => RuleSetCatalog.TryGet(code, out var ruleSet) ? ruleSet.DisplayName : code;
}
