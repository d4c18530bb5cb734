using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Flows;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>
/// A conversation flow as the <see cref="FlowEngine"/> sees it. Write a flow by deriving from
/// <see cref="Flow{TState}"/>; register it with <c>AddKiemDiemFlow&lt;TFlow&gt;()</c>.
/// </summary>
public abstract class Flow
{
    // Vietnamese letters are stored as themselves, not as \u escapes: readable in the database, and half the size.
    private protected static readonly JsonSerializerOptions StateJsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private protected Flow()
    {
    }

    /// <summary>Stored with every member's state and carried by the flow's cards: do not rename a flow once released.</summary>
    public abstract string Name { get; }

    /// <summary>Text commands that start the flow, in normalized form (see <see cref="CommandText"/>).</summary>
    public abstract IReadOnlyCollection<string> StartCommands { get; }

    /// <summary>
    /// Card verbs (see KiemDiemBot.Cards.CardVerbs) whose buttons start the flow, e.g. a "start" button on another
    /// card; the submitted values are in the turn's <see cref="DialogTurn.Value"/>. None by default.
    /// </summary>
    public virtual IReadOnlyCollection<string> StartVerbs => [];

    /// <summary>
    /// True for a flow whose cards show what only the member should see (their self-review): in a group chat or
    /// channel, typed text is never taken as its answer and "tiếp tục" does not show its card there. The flow's
    /// own start refuses groups. False by default.
    /// </summary>
    public virtual bool PersonalChatOnly => false;

    internal abstract string FirstStep { get; }

    /// <exception cref="InvalidOperationException">The flow's name, commands or steps are not usable.</exception>
    internal abstract void Validate();

    internal abstract bool HasStep(string step);

    internal abstract bool AcceptsText(string step);

    internal abstract Task<FlowBeginning> BeginAsync(FlowContext context, CancellationToken cancellationToken);

    internal abstract Task<JsonObject> RenderCardAsync(StoredFlowState state, FlowContext context, CancellationToken cancellationToken);

    internal abstract Task<FlowStepResult> AnswerAsync(
        StoredFlowState state, FlowContext context, FlowInput input, CancellationToken cancellationToken);
}

/// <summary>
/// A conversation flow: named steps over a typed state record, which is stored per member (and per review
/// cycle, for a flow that starts with <see cref="FlowStart.BeginInCycle{TState}"/>) as JSON. The first step
/// in <see cref="Steps"/> is where the flow starts. One flow per file; keep the state record's shape
/// compatible with states already stored (add properties with defaults rather than renaming).
/// </summary>
/// <typeparam name="TState">The flow's state record, serialised with System.Text.Json.</typeparam>
public abstract class Flow<TState> : Flow
    where TState : class
{
    private Dictionary<string, FlowStep<TState>>? stepsByName;

    /// <summary>The steps, the first being where the flow starts.</summary>
    protected abstract IReadOnlyList<FlowStep<TState>> Steps { get; }

    /// <summary>The state a member's run begins with, and the cycle it belongs to; or a refusal.</summary>
    protected abstract Task<FlowStart<TState>> StartAsync(FlowContext context, CancellationToken cancellationToken);

    internal sealed override string FirstStep => Steps[0].Name;

    internal sealed override void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > FlowStateKey.MaxNameLength)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} needs a name of 1 to {FlowStateKey.MaxNameLength} characters.");
        }
        foreach (var command in StartCommands)
        {
            if (command.Length == 0 || CommandText.Normalize(command) != command)
            {
                throw new InvalidOperationException($"Flow '{Name}' declares the command '{command}', which is not in normalized form.");
            }
        }
        foreach (var verb in StartVerbs)
        {
            if (string.IsNullOrWhiteSpace(verb) || verb == CardVerbs.FlowSubmit)
            {
                throw new InvalidOperationException($"Flow '{Name}' declares the start verb '{verb}', which is empty or the flow answer verb.");
            }
        }
        if (Steps.Count == 0)
        {
            throw new InvalidOperationException($"Flow '{Name}' has no steps.");
        }
        foreach (var step in Steps)
        {
            if (string.IsNullOrWhiteSpace(step.Name) || step.Name.Length > FlowStateKey.MaxNameLength)
            {
                throw new InvalidOperationException(
                    $"Flow '{Name}' has a step whose name is not 1 to {FlowStateKey.MaxNameLength} characters.");
            }
        }
        StepTable();
    }

    internal sealed override bool HasStep(string step) => StepTable().ContainsKey(step);

    internal sealed override bool AcceptsText(string step) => StepTable().TryGetValue(step, out var found) && found.AcceptsText;

    /// <summary>
    /// Fills in what the cards of <paramref name="state"/> at <paramref name="step"/> are drawn from but is not stored
    /// with it (for example the domain objects the state names by id; mark such properties [JsonIgnore]). The engine
    /// calls it before it draws a card from a stored state and before it hands a stored state to a step's answer;
    /// a state a step or <see cref="StartAsync"/> returns is drawn as it is. Nothing to load by default.
    /// </summary>
    protected virtual Task<TState> LoadAsync(TState state, string step, FlowContext context, CancellationToken cancellationToken) =>
        Task.FromResult(state);

    internal sealed override async Task<FlowBeginning> BeginAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var start = await StartAsync(context, cancellationToken);
        if (start.State is not { } state)
        {
            return new FlowBeginning(start.CycleId, null, start.Refusal);
        }
        var first = Step(start.Step ?? FirstStep);
        return new FlowBeginning(start.CycleId, Serialize(state), null)
        {
            Step = first.Name,
            MovesActiveRun = start.MovesActiveRun,
            Notice = start.Notice,
            Card = () => first.Card(state, []),
        };
    }

    internal sealed override async Task<JsonObject> RenderCardAsync(StoredFlowState state, FlowContext context, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(Deserialize(state.StateJson), state.Step, context, cancellationToken);
        return Step(state.Step).Card(loaded, []);
    }

    internal sealed override async Task<FlowStepResult> AnswerAsync(
        StoredFlowState state, FlowContext context, FlowInput input, CancellationToken cancellationToken)
    {
        var step = Step(state.Step);
        var loaded = await LoadAsync(Deserialize(state.StateJson), state.Step, context, cancellationToken);
        var answer = new FlowAnswer<TState>(loaded, input, context);
        var outcome = await step.Answer(answer, cancellationToken);
        switch (outcome.Kind)
        {
            case StepOutcomeKind.Stay:
                // What the member typed comes back in the card, so a refused answer is corrected rather than retyped.
                var again = SubmittedValues.FillInto(step.Card(outcome.State, outcome.Errors), input);
                return FlowStepResult.Stay(again, outcome.Errors.Count);
            case StepOutcomeKind.Next:
                var next = Step(outcome.NextStep!);
                return FlowStepResult.Next(
                    Serialize(outcome.State), next.Name, step.Summary(outcome.State), next.Card(outcome.State, []));
            case StepOutcomeKind.Complete:
                return FlowStepResult.Complete(Serialize(outcome.State), step.Summary(outcome.State), outcome.CompletionCard!) with
                {
                    PostKey = outcome.CompletionPostKey,
                };
            default:
                throw new InvalidOperationException($"Unknown step outcome {outcome.Kind}.");
        }
    }

    private Dictionary<string, FlowStep<TState>> StepTable()
    {
        if (stepsByName is null)
        {
            var table = new Dictionary<string, FlowStep<TState>>(StringComparer.Ordinal);
            foreach (var step in Steps)
            {
                if (!table.TryAdd(step.Name, step))
                {
                    throw new InvalidOperationException($"Flow '{Name}' has two steps named '{step.Name}'.");
                }
            }
            stepsByName = table;
        }
        return stepsByName;
    }

    private FlowStep<TState> Step(string name) =>
        StepTable().TryGetValue(name, out var step)
            ? step
            : throw new InvalidOperationException($"Flow '{Name}' has no step '{name}'.");

    private static string Serialize(TState state) => JsonSerializer.Serialize(state, StateJsonOptions);

    private TState Deserialize(string json) =>
        JsonSerializer.Deserialize<TState>(json, StateJsonOptions)
        ?? throw new InvalidOperationException($"Flow '{Name}' has a stored state that reads as null.");
}
