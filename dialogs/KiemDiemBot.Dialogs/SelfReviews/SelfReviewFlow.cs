using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.SelfReviews;

/// <summary>
/// Where a member is in their self-review: the review (by id, and the version last seen) and whose it is. The
/// answers themselves live only in the domain (<see cref="ISelfReviewService"/>); the properties marked
/// [JsonIgnore] are loaded from it for each turn and never stored.
/// </summary>
/// <param name="ReviewId">The member's self-review of the cycle.</param>
/// <param name="ReviewVersion">The review's version when this run last read or saved it.</param>
/// <param name="MemberId">Whose review it is (not the one answering, for a secretary's proxy entry).</param>
public sealed record SelfReviewFlowState(Guid ReviewId, int ReviewVersion, Guid MemberId)
{
    /// <summary>A secretary enters the review on the member's behalf.</summary>
    public bool ByProxy { get; init; }

    /// <summary>The current part was opened from the summary: saving it goes back there.</summary>
    public bool BackToSummary { get; init; }

    /// <summary>The review as loaded (or just saved) in this turn.</summary>
    [JsonIgnore]
    public SelfReviewView? Review { get; init; }

    /// <summary>What the rules say before section VII, loaded for the level step.</summary>
    [JsonIgnore]
    public LevelAdvice? Advice { get; init; }

    /// <summary>Where each part of the review is heard, named, loaded for the first card.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>The time of the turn, for what depends on the meeting having started.</summary>
    [JsonIgnore]
    public DateTimeOffset Now { get; init; }
}

/// <summary>
/// The member's self-review (Mẫu 02) as a flow, one part of the form per card: identity (prefilled from the
/// roster), each item of section I with its grade, II, III with its grade, IV when the cycle has suggestions for
/// the member, V for leaders, VI, then VII after the level the rules suggest and every cap (none for members
/// admitted under six months), then the summary, where every part can be edited and the review submitted.
/// Every answer is saved into the domain at its step; the turn commits once. Started by "tự kiểm điểm" (or the
/// button on the welcome and help cards), resuming where the member left off; "xem lại" opens the summary,
/// "nộp" submits and "hoàn thiện", after the meeting, adds the conclusions the member accepted. A secretary's
/// proxy entry is the same flow (<see cref="SelfReviewProxyFlow"/>).
/// </summary>
public class SelfReviewFlow : Flow<SelfReviewFlowState>
{
    public const string FlowName = "self-review";

    /// <summary>"tự kiểm điểm": start or resume.</summary>
    public const string StartCommand = "tu kiem diem";

    /// <summary>"xem lại": the summary.</summary>
    public const string ReviewCommand = "xem lai";

    /// <summary>"nộp": submit.</summary>
    public const string SubmitCommand = "nop";

    /// <summary>"hoàn thiện": add the accepted conclusions after the meeting.</summary>
    public const string CompleteCommand = "hoan thien";

    public const string IdentityStep = "identity";
    public const string ShortcomingsStep = "shortcomings";
    public const string RemedyStep = "remedy";
    public const string ExplanationsStep = "explanations";
    public const string CollectiveShareStep = "collective-share";
    public const string MeasuresStep = "measures";
    public const string LevelStep = "level";
    public const string SummaryStep = "summary";
    public const string ConclusionsStep = "conclusions";

    public const string FullNameInput = "fullName";
    public const string DateOfBirthInput = "dateOfBirth";
    public const string PartyPostInput = "partyPost";
    public const string GovernmentPostInput = "governmentPost";
    public const string MassOrganisationPostInput = "massOrganisationPost";
    public const string WorkUnitInput = "workUnit";
    public const string CellInput = "cell";
    public const string TextInput = "text";
    public const string GradeInput = "grade";
    public const string ShortcomingsInput = "shortcomings";
    public const string CausesInput = "causes";
    public const string PartyLevelInput = "partyLevel";
    public const string CivilServantLevelInput = "civilServantLevel";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private readonly ISelfReviewService reviews;
    private readonly IReviewCycleService cycles;
    private readonly IMemberAuthorizer authorizer;
    private readonly IMemberFactsSource memberFacts;
    private readonly IRosterDirectory roster;
    private readonly TimeProvider clock;
    private readonly ILogger<SelfReviewFlow> logger;

    public SelfReviewFlow(
        ISelfReviewService reviews,
        IReviewCycleService cycles,
        IMemberAuthorizer authorizer,
        IMemberFactsSource memberFacts,
        IRosterDirectory roster,
        TimeProvider clock,
        ILogger<SelfReviewFlow> logger)
    {
        this.reviews = reviews;
        this.cycles = cycles;
        this.authorizer = authorizer;
        this.memberFacts = memberFacts;
        this.roster = roster;
        this.clock = clock;
        this.logger = logger;
        Steps = [.. SelfReviewParts.All.Select(PartStep), LevelFlowStep(), SummaryFlowStep()];
    }

    public override string Name => FlowName;

    public override IReadOnlyCollection<string> StartCommands => [StartCommand, ReviewCommand, SubmitCommand, CompleteCommand];

    public override IReadOnlyCollection<string> StartVerbs => [CardVerbs.StartSelfReview];

    public override bool PersonalChatOnly => true;

    /// <summary>The step that asks an item of section I.</summary>
    public static string StrengthStep(StrengthItem item) => "strength-" + ((int)item).ToString(CultureInfo.InvariantCulture);

    /// <summary>The steps of the form this member answers, in the form's order (the summary comes after the last).</summary>
    public static IReadOnlyList<string> Sequence(SelfReviewCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var steps = new List<string>();
        foreach (var section in @case.Sections)
        {
            switch (section)
            {
                case SelfReviewSection.Identity: steps.Add(IdentityStep); break;
                case SelfReviewSection.Strengths: steps.AddRange(@case.StrengthItems.Select(StrengthStep)); break;
                case SelfReviewSection.Shortcomings: steps.Add(ShortcomingsStep); break;
                case SelfReviewSection.Remedy: steps.Add(RemedyStep); break;
                case SelfReviewSection.Explanations: steps.Add(ExplanationsStep); break;
                case SelfReviewSection.CollectiveShare: steps.Add(CollectiveShareStep); break;
                case SelfReviewSection.Measures: steps.Add(MeasuresStep); break;
                case SelfReviewSection.ProposedLevel: steps.Add(LevelStep); break;
                default: throw new InvalidOperationException($"Unknown self-review section {section}.");
            }
        }
        return steps;
    }

    protected override IReadOnlyList<FlowStep<SelfReviewFlowState>> Steps { get; }

    /// <summary>True for the secretary's proxy entry, started only by the progress card's button.</summary>
    protected virtual bool IsProxyEntry => false;

    protected override async Task<FlowStart<SelfReviewFlowState>> StartAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Turn.IsGroup)
        {
            // A self-review is the member's own until the meeting: it is written in the personal chat, not before the group.
            return FlowStart.Refuse<SelfReviewFlowState>(DialogReply.FromText(
                IsProxyEntry ? SelfReviewFlowTexts.ProxyPersonalChatOnly : SelfReviewFlowTexts.PersonalChatOnly));
        }
        var cycle = await cycles.FindCurrentAsync(cancellationToken);
        if (cycle is null)
        {
            return FlowStart.Refuse<SelfReviewFlowState>(DialogReply.FromText(SelfReviewFlowTexts.NoOpenCycle));
        }
        return IsProxyEntry
            ? await StartByProxyAsync(context, cycle, cancellationToken)
            : await StartOwnAsync(context, cycle, cancellationToken);
    }

    protected override async Task<SelfReviewFlowState> LoadAsync(
        SelfReviewFlowState state, string step, FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var review = await reviews.GetAsync(state.ReviewId, cancellationToken)
            ?? throw new InvalidOperationException($"The self-review {state.ReviewId} of a running flow no longer exists.");
        return await PrepareAsync(state with { Review = review }, step, cancellationToken);
    }

    private async Task<FlowStart<SelfReviewFlowState>> StartOwnAsync(FlowContext context, ReviewCycleView cycle, CancellationToken cancellationToken)
    {
        var member = context.Member;
        var view = await reviews.OpenAsync(member.MemberId, cycle.Id, cancellationToken);
        var state = NewState(view, byProxy: false);
        switch (CommandOf(context.Turn))
        {
            case ReviewCommand:
                return await BeginAtAsync(cycle, state, SummaryStep, cancellationToken, moving: true);
            case SubmitCommand:
                return await SubmitAtOnceAsync(context, cycle, state, cancellationToken);
            case CompleteCommand:
                if (!MeetingHasStarted(view, state.Now))
                {
                    return FlowStart.Refuse<SelfReviewFlowState>(DialogReply.FromText(SelfReviewFlowTexts.CompleteBeforeMeeting));
                }
                return await BeginAtAsync(cycle, state, ConclusionsStep, cancellationToken, moving: true);
            default:
                // A run already active is resumed where it is; otherwise where the review stands.
                return await BeginAtAsync(cycle, state, ResumeStep(view), cancellationToken, moving: false);
        }
    }

    private async Task<FlowStart<SelfReviewFlowState>> StartByProxyAsync(
        FlowContext context, ReviewCycleView cycle, CancellationToken cancellationToken)
    {
        var value = context.Turn.Value?[CardDataKeys.MemberId];
        var memberText = value is JsonValue node && node.TryGetValue<string>(out var text) ? text : null;
        if (!Guid.TryParse(memberText, out var memberId)
            || await memberFacts.FindAsync(memberId, cycle.Year, cancellationToken) is not { } facts)
        {
            return FlowStart.Refuse<SelfReviewFlowState>(DialogReply.FromText(SelfReviewFlowTexts.ProxyUnknownMember));
        }
        var subject = AccessSubject.Member(memberId, facts.Posts.Cell.BodyId);
        if (!await authorizer.MayAsync(context.Member, MemberAction.EnterReviewByProxy, subject, cancellationToken))
        {
            SelfReviewLog.ProxyRefused(logger);
            return FlowStart.Refuse<SelfReviewFlowState>(DialogReply.FromText(SelfReviewFlowTexts.ProxyRefused));
        }
        var view = await reviews.OpenAsync(memberId, cycle.Id, cancellationToken);
        SelfReviewLog.ProxyStarted(logger, view.ReviewId);
        // The secretary's proxy run follows one member at a time: a run for another member gives way.
        return await BeginAtAsync(cycle, NewState(view, byProxy: true), ResumeStep(view), cancellationToken, moving: true);
    }

    /// <summary>"nộp": submits at once when complete; otherwise the summary, naming what is missing.</summary>
    private async Task<FlowStart<SelfReviewFlowState>> SubmitAtOnceAsync(
        FlowContext context, ReviewCycleView cycle, SelfReviewFlowState state, CancellationToken cancellationToken)
    {
        var view = state.Review!;
        if (view.Status == SelfReviewStatus.Submitted)
        {
            return FlowStart.Refuse<SelfReviewFlowState>(new DialogReply(
                string.Format(Vietnamese, SelfReviewFlowTexts.AlreadySubmitted, FormatTime(view.SubmittedAt)),
                SubmittedCard(view, state.ByProxy)));
        }
        var missing = reviews.MissingSections(view);
        if (missing.Count > 0)
        {
            return (await BeginAtAsync(cycle, state, SummaryStep, cancellationToken, moving: true)).WithNotice(MissingText(missing));
        }
        try
        {
            var submitted = await reviews.SubmitAsync(view.ReviewId, view.Version, context.Member.MemberId, cancellationToken);
            SelfReviewLog.Submitted(logger, submitted.ReviewId, submitted.Version, state.ByProxy);
            return FlowStart.Refuse<SelfReviewFlowState>(DialogReply.FromCard(SubmittedCard(submitted, state.ByProxy)));
        }
        catch (SelfReviewLockedException locked)
        {
            SelfReviewLog.RefusedLocked(logger, view.ReviewId);
            return FlowStart.Refuse<SelfReviewFlowState>(DialogReply.FromText(locked.Message));
        }
        catch (SelfReviewIncompleteException incomplete)
        {
            return (await BeginAtAsync(cycle, state, SummaryStep, cancellationToken, moving: true)).WithNotice(MissingText(incomplete.Missing));
        }
        catch (SelfReviewAnswerRejectedException rejected)
        {
            return (await BeginAtAsync(cycle, state, SummaryStep, cancellationToken, moving: true)).WithNotice(rejected.Message);
        }
    }

    private async Task<FlowStart<SelfReviewFlowState>> BeginAtAsync(
        ReviewCycleView cycle, SelfReviewFlowState state, string step, CancellationToken cancellationToken, bool moving)
    {
        var target = StepFor(step, state.Review!);
        var start = FlowStart.BeginInCycle(cycle.Id, await PrepareAsync(state, target, cancellationToken)).At(target);
        return moving ? start.MovingActiveRun() : start;
    }

    private SelfReviewFlowState NewState(SelfReviewView view, bool byProxy) =>
        new(view.ReviewId, view.Version, view.MemberId) { ByProxy = byProxy, Review = view, Now = clock.GetUtcNow() };

    /// <summary>Loads what the step's card shows beyond the review: the advice before VII, the places on the first card.</summary>
    private async Task<SelfReviewFlowState> PrepareAsync(SelfReviewFlowState state, string step, CancellationToken cancellationToken)
    {
        var review = state.Review!;
        state = state with { ReviewVersion = review.Version, Now = clock.GetUtcNow(), Advice = null, Places = [] };
        if (step == LevelStep)
        {
            state = state with { Advice = await reviews.AdviseLevelAsync(review.ReviewId, review.Answers, cancellationToken) };
        }
        else if (step == IdentityStep && review.Case.Places.Count > 1)
        {
            state = state with { Places = await PlaceNamesAsync(review.Case, cancellationToken) };
        }
        return state;
    }

    private async Task<IReadOnlyList<string>> PlaceNamesAsync(SelfReviewCase @case, CancellationToken cancellationToken)
    {
        var names = await roster.FindOrganisationNamesAsync([.. @case.Places.Select(place => place.Body.BodyId)], cancellationToken);
        return [.. @case.Places.Select(place => string.Format(Vietnamese, SelfReviewFlowTexts.Place,
            names.GetValueOrDefault(place.Body.BodyId, string.Empty), place.Reason.Text).TrimStart(':', ' '))];
    }

    /// <summary>Where a member who is not in a run continues: the first part not answered, or the summary.</summary>
    private static string ResumeStep(SelfReviewView view)
    {
        if (view.Status is SelfReviewStatus.Submitted or SelfReviewStatus.Locked)
        {
            return SummaryStep;
        }
        // The review is created with the identity prefilled (version 1): until something is saved, begin with it.
        if (view.Version <= 1)
        {
            return IdentityStep;
        }
        var sequence = Sequence(view.Case);
        return sequence.FirstOrDefault(step => !IsAnswered(step, view)) ?? SummaryStep;
    }

    private static bool IsAnswered(string step, SelfReviewView view)
    {
        var answers = view.Answers;
        return step switch
        {
            IdentityStep => !string.IsNullOrWhiteSpace(answers.Identity?.FullName),
            ShortcomingsStep => !string.IsNullOrWhiteSpace(answers.Shortcomings) && !string.IsNullOrWhiteSpace(answers.Causes),
            RemedyStep => IsGraded(answers.Remedy),
            ExplanationsStep => !string.IsNullOrWhiteSpace(answers.Explanations),
            CollectiveShareStep => !string.IsNullOrWhiteSpace(answers.CollectiveShare),
            MeasuresStep => !string.IsNullOrWhiteSpace(answers.Measures),
            LevelStep => answers.ProposedLevel is not null && (!view.Case.IsCivilServant || answers.ProposedCivilServantLevel is not null),
            _ => view.Case.StrengthItems.Any(item => StrengthStep(item) == step && IsGraded(answers.Strengths.GetValueOrDefault(item))),
        };
    }

    private static bool IsGraded(GradedAnswer? answer) => answer is { Grade: not null } && !string.IsNullOrWhiteSpace(answer.Text);

    /// <summary>VII is drawn from the grades of section I: until they are all given, the first item without one comes first.</summary>
    private static string StepFor(string step, SelfReviewView view)
    {
        if (step != LevelStep)
        {
            return step;
        }
        var ungraded = view.Case.StrengthItems.Where(item => !IsGraded(view.Answers.Strengths.GetValueOrDefault(item))).Select(StrengthStep);
        return ungraded.FirstOrDefault() ?? (IsGraded(view.Answers.Remedy) ? LevelStep : RemedyStep);
    }

    private static string NextStep(string step, SelfReviewView view)
    {
        var sequence = Sequence(view.Case);
        var index = IndexOf(sequence, step);
        return index >= 0 && index + 1 < sequence.Count ? StepFor(sequence[index + 1], view) : SummaryStep;
    }

    private static int IndexOf(IReadOnlyList<string> steps, string step)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] == step)
            {
                return i;
            }
        }
        return -1;
    }

    private static string? CommandOf(DialogTurn turn) =>
        turn.Value is not null ? StartCommand : CommandText.Normalize(turn.Text);

    private FlowStep<SelfReviewFlowState> PartStep(SelfReviewPart part) => new(part.Step)
    {
        Card = (state, errors) => SelfReviewSectionCard.Build(Decorate(part.Card(View(state)), state, part.Step) with { Errors = errors }),
        Summary = state => AnsweredCard.Build(part.Answered(View(state))),
        Answer = (answer, cancellationToken) => AnswerPartAsync(answer, part, cancellationToken),
        AcceptsText = part.AcceptsText,
    };

    private FlowStep<SelfReviewFlowState> LevelFlowStep() => new(LevelStep)
    {
        Card = (state, errors) => SelfReviewLevelCard.Build(LevelCardInput(state, errors)),
        Summary = state => AnsweredCard.Build(new AnsweredCardInput(SelfReviewFlowTexts.LevelTitle, LevelFacts(View(state)))),
        Answer = AnswerLevelAsync,
    };

    private FlowStep<SelfReviewFlowState> SummaryFlowStep() => new(SummaryStep)
    {
        Card = (state, errors) => SelfReviewSummaryCard.Build(SummaryCardInput(state, errors, interactive: true)),
        Summary = state => SelfReviewSummaryCard.Build(SummaryCardInput(state, [], interactive: false)),
        Answer = AnswerSummaryAsync,
    };

    private async Task<StepOutcome<SelfReviewFlowState>> AnswerPartAsync(
        FlowAnswer<SelfReviewFlowState> answer, SelfReviewPart part, CancellationToken cancellationToken)
    {
        var view = View(answer.State);
        var reading = part.Read(answer.Input, view);
        if (reading.Answers is null)
        {
            return answer.Stay(reading.Errors);
        }
        if (part.Step == ConclusionsStep && !MeetingHasStarted(view, answer.State.Now))
        {
            return answer.Stay(SelfReviewFlowTexts.CompleteBeforeMeeting);
        }
        return await SaveAndMoveAsync(answer, part.Step, reading.Answers, cancellationToken);
    }

    private async Task<StepOutcome<SelfReviewFlowState>> AnswerLevelAsync(
        FlowAnswer<SelfReviewFlowState> answer, CancellationToken cancellationToken)
    {
        var view = View(answer.State);
        var advice = answer.State.Advice ?? throw new InvalidOperationException("The level step was answered without the rules' advice.");
        var errors = new List<string>();
        var party = ReadLevel(answer.Input, PartyLevelInput, SelfReviewFlowTexts.LevelPartyMember, advice.Allowed, errors);
        RankingLevel? civilServant = view.Case.IsCivilServant
            ? ReadLevel(answer.Input, CivilServantLevelInput, SelfReviewFlowTexts.LevelCivilServant, RankingLevels.TopDown, errors)
            : view.Answers.ProposedCivilServantLevel;
        if (errors.Count > 0)
        {
            return answer.Stay(errors);
        }
        var answers = view.Answers with { ProposedLevel = party, ProposedCivilServantLevel = civilServant };
        return await SaveAndMoveAsync(answer, LevelStep, answers, cancellationToken);
    }

    private async Task<StepOutcome<SelfReviewFlowState>> AnswerSummaryAsync(
        FlowAnswer<SelfReviewFlowState> answer, CancellationToken cancellationToken)
    {
        var state = answer.State;
        var view = View(state);
        switch (answer.Input.Answer(SelfReviewCardData.Command))
        {
            case SelfReviewCardData.EditCommand:
                var section = answer.Input.Answer(SelfReviewCardData.Section);
                var editable = Sequence(view.Case).Contains(section) || (section == ConclusionsStep && MeetingHasStarted(view, state.Now));
                if (!editable)
                {
                    return answer.Stay();
                }
                if (view.Status == SelfReviewStatus.Locked && section != ConclusionsStep)
                {
                    SelfReviewLog.RefusedLocked(logger, view.ReviewId);
                    return answer.Stay(SelfReviewFlowTexts.Locked);
                }
                if (state.ByProxy && !await MayEnterByProxyAsync(answer.Context, view, cancellationToken))
                {
                    return answer.Stay(SelfReviewFlowTexts.ProxyRefused);
                }
                var target = StepFor(section!, view);
                return answer.Next(target, await PrepareAsync(state with { BackToSummary = true }, target, cancellationToken));
            case SelfReviewCardData.SubmitCommand:
                return await SubmitAsync(answer, cancellationToken);
            default:
                return answer.Stay();
        }
    }

    private async Task<StepOutcome<SelfReviewFlowState>> SubmitAsync(FlowAnswer<SelfReviewFlowState> answer, CancellationToken cancellationToken)
    {
        var state = answer.State;
        var view = View(state);
        if (view.Status == SelfReviewStatus.Submitted)
        {
            return answer.Complete(state, SubmittedCard(view, state.ByProxy));
        }
        var missing = reviews.MissingSections(view);
        if (missing.Count > 0)
        {
            return answer.Stay(MissingText(missing));
        }
        if (state.ByProxy && !await MayEnterByProxyAsync(answer.Context, view, cancellationToken))
        {
            return answer.Stay(SelfReviewFlowTexts.ProxyRefused);
        }
        try
        {
            var submitted = await reviews.SubmitAsync(view.ReviewId, view.Version, answer.Context.Member.MemberId, cancellationToken);
            SelfReviewLog.Submitted(logger, submitted.ReviewId, submitted.Version, state.ByProxy);
            return answer.Complete(state with { Review = submitted, ReviewVersion = submitted.Version }, SubmittedCard(submitted, state.ByProxy));
        }
        catch (SelfReviewLockedException locked)
        {
            SelfReviewLog.RefusedLocked(logger, view.ReviewId);
            return answer.Stay(locked.Message);
        }
        catch (SelfReviewIncompleteException incomplete)
        {
            return answer.Stay(MissingText(incomplete.Missing));
        }
        catch (SelfReviewAnswerRejectedException rejected)
        {
            return answer.Stay(rejected.Message);
        }
    }

    /// <summary>Saves the review with the answer (the turn commits it) and moves on: the next part, or back to the summary.</summary>
    private async Task<StepOutcome<SelfReviewFlowState>> SaveAndMoveAsync(
        FlowAnswer<SelfReviewFlowState> answer, string step, SelfReviewAnswers answers, CancellationToken cancellationToken)
    {
        var state = answer.State;
        var view = View(state);
        if (state.ByProxy && !await MayEnterByProxyAsync(answer.Context, view, cancellationToken))
        {
            return answer.Stay(SelfReviewFlowTexts.ProxyRefused);
        }
        SelfReviewView saved;
        try
        {
            saved = await reviews.SaveAsync(view.ReviewId, view.Version, answers, answer.Context.Member.MemberId, cancellationToken);
        }
        catch (SelfReviewLockedException locked)
        {
            SelfReviewLog.RefusedLocked(logger, view.ReviewId);
            return answer.Stay(locked.Message);
        }
        catch (SelfReviewAnswerRejectedException rejected)
        {
            return answer.Stay(rejected.Message);
        }
        SelfReviewLog.Saved(logger, saved.ReviewId, step, saved.Version, state.ByProxy);
        var moved = state with { Review = saved, BackToSummary = false };
        if (step == ConclusionsStep && !state.BackToSummary)
        {
            return answer.Complete(moved with { ReviewVersion = saved.Version }, CompletedCard(saved, state.ByProxy));
        }
        var next = state.BackToSummary ? SummaryStep : NextStep(step, saved);
        return answer.Next(next, await PrepareAsync(moved, next, cancellationToken));
    }

    /// <summary>A proxy run is checked again at every save: the secretary may have left the post since it started.</summary>
    private async Task<bool> MayEnterByProxyAsync(FlowContext context, SelfReviewView view, CancellationToken cancellationToken)
    {
        var facts = await memberFacts.FindAsync(view.MemberId, view.Year, cancellationToken);
        var allowed = facts is not null && await authorizer.MayAsync(
            context.Member, MemberAction.EnterReviewByProxy, AccessSubject.Member(view.MemberId, facts.Posts.Cell.BodyId), cancellationToken);
        if (!allowed)
        {
            SelfReviewLog.ProxyRefused(logger);
        }
        return allowed;
    }

    private static RankingLevel? ReadLevel(FlowInput input, string id, string label, IReadOnlyList<RankingLevel> allowed, List<string> errors)
    {
        var value = input.Answer(id)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(string.Format(Vietnamese, SelfReviewFlowTexts.RequiredLevel, label));
            return null;
        }
        var level = allowed.Cast<RankingLevel?>().FirstOrDefault(candidate => candidate.ToString() == value);
        if (level is null)
        {
            errors.Add(string.Format(Vietnamese, SelfReviewFlowTexts.LevelNotAllowed, label));
        }
        return level;
    }

    private SelfReviewSectionCardInput Decorate(SelfReviewSectionCardInput input, SelfReviewFlowState state, string step)
    {
        var view = View(state);
        var sequence = Sequence(view.Case);
        var index = IndexOf(sequence, step);
        var decorated = input with
        {
            Subject = SubjectLine(view, state.ByProxy),
            Progress = index < 0 ? null : string.Format(Vietnamese, SelfReviewFlowTexts.Progress, index + 1, sequence.Count),
            SubmitTitle = state.BackToSummary ? SelfReviewFlowTexts.SaveAndReturnButton : null,
        };
        return step == IdentityStep
            ? decorated with { Notices = CaseNotices(view.Case), Places = state.Places }
            : decorated;
    }

    private SelfReviewLevelCardInput LevelCardInput(SelfReviewFlowState state, IReadOnlyList<string> errors)
    {
        var view = View(state);
        var advice = state.Advice ?? throw new InvalidOperationException("The level card is drawn without the rules' advice.");
        var sequence = Sequence(view.Case);
        var proposed = view.Answers.ProposedLevel;
        var notices = advice.Allowed.Count == 1
            ? [string.Format(Vietnamese, SelfReviewFlowTexts.LevelOnlyOne, advice.Allowed[0].DisplayName())]
            : Array.Empty<string>();
        return new SelfReviewLevelCardInput(
            SelfReviewFlowTexts.LevelTitle,
            advice.Suggestion.Level.DisplayName(),
            advice.Suggestion.Reason.Text,
            [.. advice.Caps.Select(cap => new SelfReviewLevelCap(cap.Ceiling.DisplayName(), cap.Reason.Text))],
            new SelfReviewChoiceField(
                PartyLevelInput,
                SelfReviewFlowTexts.LevelPartyMember,
                [.. advice.Allowed.Select(LevelChoice)],
                proposed is { } level && advice.Allowed.Contains(level) ? level.ToString() : null))
        {
            Subject = SubjectLine(view, state.ByProxy),
            Progress = string.Format(Vietnamese, SelfReviewFlowTexts.Progress, IndexOf(sequence, LevelStep) + 1, sequence.Count),
            Notices = notices,
            CivilServantLevel = view.Case.IsCivilServant
                ? new SelfReviewChoiceField(
                    CivilServantLevelInput,
                    SelfReviewFlowTexts.LevelCivilServant,
                    [.. RankingLevels.TopDown.Select(LevelChoice)],
                    view.Answers.ProposedCivilServantLevel?.ToString())
                : null,
            Errors = errors,
            SubmitTitle = state.BackToSummary ? SelfReviewFlowTexts.SaveAndReturnButton : null,
        };
    }

    private static SelfReviewChoice LevelChoice(RankingLevel level) => new(level.DisplayName(), level.ToString());

    private static IReadOnlyList<AnsweredCardFact> LevelFacts(SelfReviewView view)
    {
        var facts = new List<AnsweredCardFact> { new(SelfReviewFlowTexts.LevelPartyMember, view.Answers.ProposedLevel?.DisplayName()) };
        if (view.Case.IsCivilServant)
        {
            facts.Add(new AnsweredCardFact(SelfReviewFlowTexts.LevelCivilServant, view.Answers.ProposedCivilServantLevel?.DisplayName()));
        }
        return facts;
    }

    private SelfReviewSummaryCardInput SummaryCardInput(SelfReviewFlowState state, IReadOnlyList<string> errors, bool interactive)
    {
        var view = View(state);
        var editable = interactive && view.Status != SelfReviewStatus.Locked;
        var sections = new List<SelfReviewSummarySection>();
        foreach (var step in Sequence(view.Case))
        {
            var section = step == LevelStep
                ? new SelfReviewSummarySection(SelfReviewFlowTexts.LevelTitle,
                    [.. LevelFacts(view).Select(fact => new SelfReviewSummaryItem(fact.Question, fact.Answer))])
                : SelfReviewParts.All.Single(part => part.Step == step).Summary(view);
            sections.Add(editable ? section with { EditSection = step, EditTitle = EditTitle(step, view) } : section);
        }
        var meetingStarted = MeetingHasStarted(view, state.Now);
        if (meetingStarted || view.Answers.AcceptedConclusions is not null)
        {
            var conclusions = SelfReviewParts.Conclusions.Summary(view) with { Heading = SelfReviewFlowTexts.SummaryConclusions };
            sections.Add(interactive && meetingStarted
                ? conclusions with { EditSection = ConclusionsStep, EditTitle = SelfReviewFlowTexts.EditConclusions }
                : conclusions);
        }
        var notices = new List<string>(CaseNotices(view.Case));
        if (view.Status == SelfReviewStatus.Locked)
        {
            notices.Add(SelfReviewFlowTexts.Locked);
        }
        return new SelfReviewSummaryCardInput(
            string.Format(Vietnamese, SelfReviewFlowTexts.SummaryTitle, view.Year),
            StatusText(view),
            sections)
        {
            Subject = SubjectLine(view, state.ByProxy),
            Notices = notices,
            Missing = [.. reviews.MissingSections(view).Select(section => section.DisplayName())],
            Errors = errors,
            CanSubmit = editable && view.Status != SelfReviewStatus.Submitted,
            CanExport = interactive && view.Status is SelfReviewStatus.Submitted or SelfReviewStatus.Locked,
            ExportMemberId = state.ByProxy ? view.MemberId.ToString("D") : null,
        };
    }

    private static string EditTitle(string step, SelfReviewView view)
    {
        if (step == IdentityStep)
        {
            return SelfReviewFlowTexts.EditIdentity;
        }
        var number = step switch
        {
            ShortcomingsStep => "II",
            RemedyStep => "III",
            ExplanationsStep => "IV",
            CollectiveShareStep => "V",
            MeasuresStep => "VI",
            LevelStep => "VII",
            _ => "I." + SelfReviewParts.StrengthNumber(
                view.Case.StrengthItems.First(item => StrengthStep(item) == step), view.Case).ToString(CultureInfo.InvariantCulture),
        };
        return string.Format(Vietnamese, SelfReviewFlowTexts.EditSection, number);
    }

    private static JsonObject SubmittedCard(SelfReviewView view, bool byProxy) => SelfReviewSubmittedCard.Build(new SelfReviewSubmittedCardInput(
        string.Format(Vietnamese, SelfReviewFlowTexts.SubmittedTitle, view.Year),
        string.Format(Vietnamese, SelfReviewFlowTexts.SubmittedMessage, FormatTime(view.SubmittedAt)))
    {
        Subject = SubjectLine(view, byProxy),
        Notices = [.. CaseNotices(view.Case), SelfReviewFlowTexts.AfterSubmitHint],
        ExportMemberId = byProxy ? view.MemberId.ToString("D") : null,
    });

    private static JsonObject CompletedCard(SelfReviewView view, bool byProxy) => SelfReviewSubmittedCard.Build(new SelfReviewSubmittedCardInput(
        string.Format(Vietnamese, SelfReviewFlowTexts.CompletedTitle, view.Year),
        SelfReviewFlowTexts.CompletedMessage)
    {
        Subject = SubjectLine(view, byProxy),
        ExportMemberId = byProxy ? view.MemberId.ToString("D") : null,
    });

    private static string StatusText(SelfReviewView view) => view.Status switch
    {
        SelfReviewStatus.NotStarted => SelfReviewFlowTexts.StatusNotStarted,
        SelfReviewStatus.Submitted => string.Format(Vietnamese, SelfReviewFlowTexts.StatusSubmitted, FormatTime(view.SubmittedAt)),
        SelfReviewStatus.Locked => SelfReviewFlowTexts.StatusLocked,
        _ => SelfReviewFlowTexts.StatusInProgress,
    };

    /// <summary>What the member's case changes, said once on the first card and on the summary.</summary>
    private static IReadOnlyList<string> CaseNotices(SelfReviewCase @case)
    {
        var notices = new List<string>();
        if (!@case.IsRanked)
        {
            notices.Add(SelfReviewFlowTexts.NotRanked);
        }
        if (@case.IsProbationary)
        {
            notices.Add(SelfReviewFlowTexts.Probationary);
        }
        if (@case.IsTemporary)
        {
            notices.Add(SelfReviewFlowTexts.Temporary);
        }
        return notices;
    }

    private static string? SubjectLine(SelfReviewView view, bool byProxy) =>
        byProxy ? string.Format(Vietnamese, SelfReviewFlowTexts.ProxySubject, view.Answers.Identity?.FullName) : null;

    private static string MissingText(IReadOnlyList<SelfReviewSection> missing) =>
        string.Format(Vietnamese, SelfReviewFlowTexts.SubmitMissing, string.Join("; ", missing.Select(section => section.DisplayName())));

    private static bool MeetingHasStarted(SelfReviewView view, DateTimeOffset now) => view.MeetingStartsAt is { } starts && now >= starts;

    private static string FormatTime(DateTimeOffset? instant) =>
        instant is { } value
            ? TimeZoneInfo.ConvertTime(value, WorkingCalendar.TimeZone).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)
            : string.Empty;

    private static SelfReviewView View(SelfReviewFlowState state) =>
        state.Review ?? throw new InvalidOperationException("A self-review card is drawn before its review was loaded.");
}
