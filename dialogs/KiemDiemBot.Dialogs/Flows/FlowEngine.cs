using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Flows;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>
/// Runs every registered <see cref="Flow"/>: starts a flow on its command or start verb; takes a card submit to the flow and
/// step named in its data, after checking that the card is the member's own and drawn from the current step
/// and state version; takes typed text to the active flow's current step when that step accepts text;
/// "hủy" leaves the active flow and "tiếp tục" sends its current step again. State changes are only staged
/// (<see cref="IFlowStateStore"/>): the turn commits them together with its replies. A stale card changes
/// nothing: the member gets the current step again with a line saying the card was out of date, and the old
/// card is replaced in place by a read-only one where the channel can update messages; an answered card is
/// likewise replaced by its read-only summary. Every card a flow sends has the flow data stamped on all its
/// answer buttons here (<see cref="FlowCardData"/>), so no flow can forget it; a button with another dialog's
/// verb (e.g. export) is left as it is. A refused answer's card comes back with what the member submitted.
/// </summary>
public sealed class FlowEngine : IDialog, IActiveFlowDialog
{
    /// <summary>"hủy": leave the active flow.</summary>
    public const string CancelCommand = "huy";

    /// <summary>"tiếp tục": show the active flow's current step again.</summary>
    public const string ResumeCommand = "tiep tuc";

    private readonly Dictionary<string, Flow> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Flow> byCommand = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Flow> byVerb = new(StringComparer.Ordinal);
    private readonly IFlowStateStore store;
    private readonly ILogger<FlowEngine> logger;

    /// <exception cref="InvalidOperationException">A flow is malformed, or two flows share a name or a command.</exception>
    public FlowEngine(IEnumerable<Flow> flows, IFlowStateStore store, ILogger<FlowEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(flows);
        this.store = store;
        this.logger = logger;
        foreach (var flow in flows)
        {
            flow.Validate();
            if (!byName.TryAdd(flow.Name, flow))
            {
                throw new InvalidOperationException($"Two flows are named '{flow.Name}'.");
            }
            foreach (var command in flow.StartCommands)
            {
                if (command is CancelCommand or ResumeCommand || !byCommand.TryAdd(command, flow))
                {
                    throw new InvalidOperationException($"The command '{command}' of flow '{flow.Name}' is already taken.");
                }
            }
            foreach (var verb in flow.StartVerbs)
            {
                if (!byVerb.TryAdd(verb, flow))
                {
                    throw new InvalidOperationException($"The start verb '{verb}' of flow '{flow.Name}' is already taken.");
                }
            }
        }
        Commands = [CancelCommand, ResumeCommand, .. byCommand.Keys];
        Verbs = [CardVerbs.FlowSubmit, .. byVerb.Keys];
    }

    public IReadOnlyCollection<string> Commands { get; }

    public IReadOnlyCollection<string> Verbs { get; }

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            FlowLog.TurnWithoutMember(logger);
            return [];
        }
        if (turn.Value is { } value && VerbOf(value) is { } verb)
        {
            if (verb == CardVerbs.FlowSubmit)
            {
                return await SubmitAsync(turn, member, value, cancellationToken);
            }
            if (byVerb.TryGetValue(verb, out var started))
            {
                return await StartAsync(started, new FlowContext(turn, member), cancellationToken);
            }
        }
        var command = CommandText.Normalize(turn.Text);
        if (command == CancelCommand)
        {
            return await CancelAsync(member, cancellationToken);
        }
        if (command == ResumeCommand)
        {
            return await ResumeAsync(turn, member, cancellationToken);
        }
        if (byCommand.TryGetValue(command, out var flow))
        {
            return await StartAsync(flow, new FlowContext(turn, member), cancellationToken);
        }
        return [];
    }

    public async Task<IReadOnlyList<DialogReply>?> ContinueAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member || string.IsNullOrWhiteSpace(turn.Text))
        {
            return null;
        }
        if (await FindActiveFlowAsync(member, cancellationToken) is not { } active
            || !active.Flow.AcceptsText(active.State.Step)
            || (turn.IsGroup && active.Flow.PersonalChatOnly))
        {
            return null;
        }
        var (flow, state) = active;
        return await AnswerAsync(
            flow, state, new FlowContext(turn, member), FlowInput.FromText(turn.Text.Trim()), answeredCardId: null, cancellationToken);
    }

    private async Task<IReadOnlyList<DialogReply>> StartAsync(Flow flow, FlowContext context, CancellationToken cancellationToken)
    {
        var beginning = await flow.BeginAsync(context, cancellationToken);
        if (beginning.Refusal is not null)
        {
            FlowLog.StartRefused(logger, flow.Name);
            return [beginning.Refusal];
        }
        var key = new FlowStateKey(context.Member.MemberId, beginning.CycleId, flow.Name);
        var existing = await store.FindAsync(key, cancellationToken);
        if (existing is { Status: FlowStatus.Active } && flow.HasStep(existing.Step) && !beginning.MovesActiveRun)
        {
            FlowLog.Resumed(logger, flow.Name, existing.Step, existing.Version);
            return [new DialogReply(FlowTexts.FlowAlreadyActive, await CurrentCardAsync(flow, existing, context, cancellationToken))];
        }
        var started = store.Stage(new FlowStateChange(
            key, existing?.Version ?? 0, beginning.Step ?? flow.FirstStep, beginning.StateJson!, FlowStatus.Active));
        FlowLog.Started(logger, flow.Name, started.Step, started.Version);
        return [new DialogReply(beginning.Notice, Stamp(flow, started, beginning.Card!()))];
    }

    private async Task<IReadOnlyList<DialogReply>> SubmitAsync(
        DialogTurn turn, TurnMember member, JsonObject value, CancellationToken cancellationToken)
    {
        var data = FlowCardData.TryRead(value);
        if (data is null)
        {
            // Not a card this engine drew (or one damaged on the way): whose it is cannot be told, so it is left as it is.
            FlowLog.UnreadableSubmit(logger);
            return [DialogReply.FromText(FlowTexts.FlowEndedCardOutOfDate)];
        }
        if (data.Owner != member.MemberId)
        {
            FlowLog.ForeignCard(logger, data.Flow, data.Step);
            return [DialogReply.FromText(FlowTexts.FlowCardNotYours)];
        }
        var answeredCardId = turn.SupportsUpdates && !string.IsNullOrEmpty(turn.ReplyToId) ? turn.ReplyToId : null;
        if (!byName.TryGetValue(data.Flow, out var flow))
        {
            FlowLog.OutOfDate(logger, data.Flow, data.Step, data.Version, null, 0);
            return OutOfDate(answeredCardId, current: null);
        }
        var state = await store.FindAsync(new FlowStateKey(member.MemberId, data.Cycle, flow.Name), cancellationToken);
        if (state is null || state.Status != FlowStatus.Active || !flow.HasStep(state.Step))
        {
            FlowLog.OutOfDate(logger, data.Flow, data.Step, data.Version, state?.Step, state?.Version ?? 0);
            return OutOfDate(answeredCardId, current: null);
        }
        if (state.Version != data.Version || !string.Equals(state.Step, data.Step, StringComparison.Ordinal))
        {
            FlowLog.OutOfDate(logger, data.Flow, data.Step, data.Version, state.Step, state.Version);
            return OutOfDate(answeredCardId, await CurrentCardAsync(flow, state, new FlowContext(turn, member), cancellationToken));
        }
        return await AnswerAsync(
            flow, state, new FlowContext(turn, member), FlowInput.FromCard(value), answeredCardId, cancellationToken);
    }

    private async Task<IReadOnlyList<DialogReply>> AnswerAsync(
        Flow flow, StoredFlowState state, FlowContext context, FlowInput input, string? answeredCardId,
        CancellationToken cancellationToken)
    {
        var result = await flow.AnswerAsync(state, context, input, cancellationToken);
        if (result.Kind == StepOutcomeKind.Stay)
        {
            FlowLog.AnswerRefused(logger, flow.Name, state.Step, result.ErrorCount);
            var again = Stamp(flow, state, result.Card);
            return [answeredCardId is null ? DialogReply.FromCard(again) : DialogReply.UpdateCard(answeredCardId, again)];
        }
        var completed = result.Kind == StepOutcomeKind.Complete;
        var changed = store.Stage(new FlowStateChange(
            state.Key,
            state.Version,
            completed ? state.Step : result.NextStep!,
            result.StateJson!,
            completed ? FlowStatus.Completed : FlowStatus.Active));
        if (completed)
        {
            FlowLog.Completed(logger, flow.Name, state.Step, changed.Version);
        }
        else
        {
            FlowLog.Moved(logger, flow.Name, state.Step, changed.Step, changed.Version);
        }
        var replies = new List<DialogReply>(2);
        if (answeredCardId is not null)
        {
            replies.Add(DialogReply.UpdateCard(answeredCardId, Stamp(flow, changed, result.Summary!)));
        }
        replies.Add(DialogReply.FromCard(Stamp(flow, changed, result.Card)) with { PostKey = result.PostKey });
        return replies;
    }

    private async Task<IReadOnlyList<DialogReply>> CancelAsync(TurnMember member, CancellationToken cancellationToken)
    {
        // Any active state is left, even of a flow this build no longer has.
        var active = await store.FindActiveAsync(member.MemberId, cancellationToken);
        if (active is null)
        {
            return [DialogReply.FromText(FlowTexts.FlowNothingToCancel)];
        }
        var cancelled = store.Stage(new FlowStateChange(
            active.Key, active.Version, active.Step, active.StateJson, FlowStatus.Cancelled));
        FlowLog.Cancelled(logger, active.Key.FlowName, active.Step, cancelled.Version);
        return [DialogReply.FromText(FlowTexts.FlowCancelled)];
    }

    private async Task<IReadOnlyList<DialogReply>> ResumeAsync(DialogTurn turn, TurnMember member, CancellationToken cancellationToken)
    {
        if (await FindActiveFlowAsync(member, cancellationToken) is not { } active)
        {
            return [DialogReply.FromText(FlowTexts.FlowNothingToResume)];
        }
        var (flow, state) = active;
        if (turn.IsGroup && flow.PersonalChatOnly)
        {
            return [DialogReply.FromText(FlowTexts.FlowContinuesInPersonalChat)];
        }
        FlowLog.Resumed(logger, flow.Name, state.Step, state.Version);
        return [DialogReply.FromCard(await CurrentCardAsync(flow, state, new FlowContext(turn, member), cancellationToken))];
    }

    private async Task<(Flow Flow, StoredFlowState State)?> FindActiveFlowAsync(TurnMember member, CancellationToken cancellationToken)
    {
        var state = await store.FindActiveAsync(member.MemberId, cancellationToken);
        if (state is null)
        {
            return null;
        }
        if (!byName.TryGetValue(state.Key.FlowName, out var flow) || !flow.HasStep(state.Step))
        {
            FlowLog.UnknownActiveFlow(logger, state.Key.FlowName, state.Step);
            return null;
        }
        return (flow, state);
    }

    private static List<DialogReply> OutOfDate(string? answeredCardId, JsonObject? current)
    {
        var replies = new List<DialogReply>(2);
        if (answeredCardId is not null)
        {
            replies.Add(DialogReply.UpdateCard(answeredCardId, OutdatedCard.Build()));
        }
        replies.Add(current is null
            ? DialogReply.FromText(FlowTexts.FlowEndedCardOutOfDate)
            : new DialogReply(FlowTexts.FlowCardOutOfDate, current));
        return replies;
    }

    private static async Task<JsonObject> CurrentCardAsync(
        Flow flow, StoredFlowState state, FlowContext context, CancellationToken cancellationToken) =>
        Stamp(flow, state, await flow.RenderCardAsync(state, context, cancellationToken));

    private static JsonObject Stamp(Flow flow, StoredFlowState state, JsonObject card) =>
        new FlowCardData(flow.Name, state.Step, state.Version, state.Key.MemberId, state.Key.CycleId).StampOnto(card);

    private static string? VerbOf(JsonObject value) =>
        value[CardDataKeys.Verb] is JsonValue verb && verb.TryGetValue<string>(out var text) ? text : null;
}
