using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Rankings;

/// <summary>The re-rank form: the deciding body, its decided rankings, and once done what changed.</summary>
public sealed record ReRankState(Guid CycleId, int Year, Guid BodyId, string BodyName, IReadOnlyList<ReRankSubjectValue> Subjects)
{
    public Guid? SubjectId { get; init; }

    public RankingLevel? Level { get; init; }

    public string? Reason { get; init; }
}

/// <summary>A decided ranking offered on the form.</summary>
public sealed record ReRankSubjectValue(Guid SubjectId, string Name, string CellName, RankingLevel Level, BallotSubjectKind Kind);

/// <summary>
/// "xếp loại lại" (seed II.5), for the secretary or deputy of a grassroots organisation: one card to pick a decided
/// ranking, the new level and the reason (all required). Core revokes and re-ranks it (refusing a level above the
/// subject's caps or one that breaks the 20% cap), audits it, and a member subject is told in their personal chat with
/// the new level and the reason; the secretary sees whether the member could be reached.
/// </summary>
public sealed class ReRankFlow : Flow<ReRankState>
{
    public const string FlowName = "re-rank";
    public const string Command = "xep loai lai";
    public const string FormStep = "form";

    private readonly IReviewCycleService cycles;
    private readonly ILeadershipScopes leadership;
    private readonly IRankingDecisionService decisions;
    private readonly IMemberNotices notices;
    private readonly ILogger<ReRankFlow> logger;

    public ReRankFlow(
        IReviewCycleService cycles, ILeadershipScopes leadership, IRankingDecisionService decisions, IMemberNotices notices, ILogger<ReRankFlow> logger)
    {
        this.cycles = cycles;
        this.leadership = leadership;
        this.decisions = decisions;
        this.notices = notices;
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

    protected override IReadOnlyList<FlowStep<ReRankState>> Steps { get; }

    /// <summary>The dedupe scope of the member's notice of one revision of their ranking.</summary>
    public static string DedupeScope(Guid cycleId, Guid subjectId, int revision) =>
        "re-rank:" + cycleId.ToString("N") + ":" + subjectId.ToString("N") + ":" + revision.ToString(CultureInfo.InvariantCulture);

    protected override async Task<FlowStart<ReRankState>> StartAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((await leadership.GrassrootsLedAsync(context.Member, cancellationToken)).FirstOrDefault() is not { } body)
        {
            RankingLog.Refused(logger, context.Member.MemberId, FlowName);
            return FlowStart.Refuse<ReRankState>(DialogReply.FromText(RankingDialogTexts.ReRankNotAllowed));
        }
        if (await cycles.FindCurrentAsync(cancellationToken) is not { } cycle)
        {
            return FlowStart.Refuse<ReRankState>(DialogReply.FromText(SecretaryDialogTexts.NoOpenCycle));
        }
        var decided = (await decisions.ListAsync(cycle.Id, body.Id, cancellationToken)).Where(r => r.DecidedByBodyId == body.Id).ToList();
        if (decided.Count == 0)
        {
            return FlowStart.Refuse<ReRankState>(DialogReply.FromText(
                string.Format(CultureInfo.InvariantCulture, RankingDialogTexts.ReRankNothingDecided, body.Name, cycle.Year)));
        }
        var state = new ReRankState(cycle.Id, cycle.Year, body.Id, body.Name,
            [.. decided.Select(r => new ReRankSubjectValue(r.SubjectId, r.SubjectName, r.CellName, r.Level, r.SubjectKind))]);
        return FlowStart.BeginInCycle(cycle.Id, state).MovingActiveRun();
    }

    private static JsonObject Form(ReRankState state, IReadOnlyList<string> errors) =>
        ReRankCard.Build(new ReRankCardInput(
            state.BodyName,
            [.. state.Subjects.Select(s => new ReRankChoice(s.SubjectId.ToString("N"),
                string.Format(CultureInfo.InvariantCulture, RankingDialogTexts.ReRankSubjectChoice, s.Name, s.CellName, s.Level.DisplayName())))],
            [.. RankingLevels.TopDown.Select(l => new ReRankChoice(LevelValue(l), l.DisplayName()))],
            RankingDecisionLimits.MaxReasonLength)
        {
            Errors = errors,
        });

    private static JsonObject Summary(ReRankState state)
    {
        var subject = state.Subjects.FirstOrDefault(s => s.SubjectId == state.SubjectId);
        return AnsweredCard.Build(new AnsweredCardInput(RankingDialogTexts.ReRankSummaryTitle,
        [
            new AnsweredCardFact(RankingDialogTexts.ReRankSummarySubject, subject?.Name ?? RankingDialogTexts.ReRankSummaryNotYet),
            new AnsweredCardFact(RankingDialogTexts.ReRankSummaryLevel, state.Level?.DisplayName() ?? RankingDialogTexts.ReRankSummaryNotYet),
            new AnsweredCardFact(RankingDialogTexts.ReRankSummaryReason, state.Reason ?? RankingDialogTexts.ReRankSummaryNotYet),
        ]));
    }

    private async Task<StepOutcome<ReRankState>> AnswerAsync(FlowAnswer<ReRankState> answer, CancellationToken cancellationToken)
    {
        var state = answer.State;
        var member = answer.Context.Member;
        var values = answer.Input.Values;
        var errors = new List<string>();
        var subject = Guid.TryParse(CardValues.Text(values, ReRankCard.SubjectInputId), out var subjectId)
            ? state.Subjects.FirstOrDefault(s => s.SubjectId == subjectId)
            : null;
        if (subject is null)
        {
            errors.Add(RankingDialogTexts.ReRankPickSubject);
        }
        var level = CardValues.Int(values, ReRankCard.LevelInputId) is { } number && Enum.IsDefined((RankingLevel)number) ? (RankingLevel?)number : null;
        if (level is null)
        {
            errors.Add(RankingDialogTexts.ReRankPickLevel);
        }
        var reason = CardValues.Text(values, ReRankCard.ReasonInputId) ?? answer.Input.Text ?? "";
        if (errors.Count > 0)
        {
            return answer.Stay(errors);
        }
        RankingView reRanked;
        try
        {
            reRanked = await decisions.ReRankAsync(state.CycleId, subject!.SubjectId, level!.Value, reason, member.MemberId, cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            RankingLog.ActionRefused(logger, FlowName, member.MemberId);
            return answer.Stay(refused.Message);
        }
        var told = false;
        if (reRanked.SubjectKind == BallotSubjectKind.Member)
        {
            var card = RankingChangedCard.Build(new RankingChangedCardInput(
                state.BodyName, state.Year, subject.Level.DisplayName(), reRanked.Level.DisplayName(), reRanked.Reason ?? ""));
            var sent = await notices.StageToMembersAsync([reRanked.SubjectId], card, DedupeScope(state.CycleId, reRanked.SubjectId, reRanked.Revision), cancellationToken);
            told = sent.Staged + sent.AlreadySent > 0;
        }
        RankingLog.ReRanked(logger, state.CycleId, member.MemberId, told ? "told" : "not reachable");
        var done = state with
        {
            SubjectId = subject.SubjectId,
            Level = reRanked.Level,
            Reason = reRanked.Reason,
            Subjects = [.. state.Subjects.Select(s => s.SubjectId == subject.SubjectId ? s with { Level = reRanked.Level } : s)],
        };
        return answer.Complete(done, ReRankedCard.Build(new ReRankedCardInput(
            subject.Name, subject.Level.DisplayName(), reRanked.Level.DisplayName(), reRanked.Reason ?? "", told || reRanked.SubjectKind != BallotSubjectKind.Member)));
    }

    private static string LevelValue(RankingLevel level) => ((int)level).ToString(CultureInfo.InvariantCulture);
}
