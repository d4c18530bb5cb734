using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>An answer to a step as the step sees it: the state, the input and who answered, with the outcomes to return.</summary>
/// <typeparam name="TState">The flow's state record.</typeparam>
public sealed class FlowAnswer<TState>
    where TState : class
{
    internal FlowAnswer(TState state, FlowInput input, FlowContext context)
    {
        State = state;
        Input = input;
        Context = context;
    }

    /// <summary>The state the answered card was drawn from (it is the current one: stale cards never get here).</summary>
    public TState State { get; }

    public FlowInput Input { get; }

    public FlowContext Context { get; }

    /// <summary>Stores <paramref name="state"/> and moves to <paramref name="step"/>, whose card is sent.</summary>
    public StepOutcome<TState> Next(string step, TState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentNullException.ThrowIfNull(state);
        return new StepOutcome<TState>(StepOutcomeKind.Next, state, step, [], null);
    }

    /// <summary>Stores nothing and shows the step's card again with <paramref name="errors"/>.</summary>
    public StepOutcome<TState> Stay(params IReadOnlyList<string> errors) => Stay(State, errors);

    /// <summary>
    /// Stores nothing and shows the step's card again, drawn from <paramref name="shown"/> (for example the state
    /// with the refused answer filled in, so the member can correct it rather than retype it), with <paramref name="errors"/>.
    /// </summary>
    public StepOutcome<TState> Stay(TState shown, params IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(errors);
        return new StepOutcome<TState>(StepOutcomeKind.Stay, shown, null, errors, null);
    }

    /// <summary>Stores <paramref name="state"/>, ends the flow and sends <paramref name="card"/> (read-only: the flow is over).</summary>
    public StepOutcome<TState> Complete(TState state, JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(card);
        return new StepOutcome<TState>(StepOutcomeKind.Complete, state, null, [], card);
    }

    /// <summary>
    /// As <see cref="Complete(TState, JsonObject)"/>, sending <paramref name="card"/> under <paramref name="postKey"/>
    /// (see <see cref="DialogReply.PostKey"/>) so that later turns can replace it (e.g. a ballot's status card).
    /// </summary>
    public StepOutcome<TState> Complete(TState state, JsonObject card, string postKey)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(postKey);
        return new StepOutcome<TState>(StepOutcomeKind.Complete, state, null, [], card) { CompletionPostKey = postKey };
    }
}
