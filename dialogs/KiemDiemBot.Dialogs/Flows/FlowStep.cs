using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>
/// One named step of a flow: the card that asks its question, drawn from the state; the read-only summary that
/// replaces that card once answered; and what an answer does (the next step, the same step with errors, or
/// the end of the flow). Cards come from KiemDiemBot.Cards; the engine stamps the flow data on their buttons.
/// </summary>
/// <typeparam name="TState">The flow's state record.</typeparam>
public sealed class FlowStep<TState>(string name)
    where TState : class
{
    /// <summary>Stored with the state and carried by the step's card: do not rename a step once released.</summary>
    public string Name { get; } = name;

    /// <summary>The step's card for a state, with the errors of a refused answer (usually none) shown on it.</summary>
    public required Func<TState, IReadOnlyList<string>, JsonObject> Card { get; init; }

    /// <summary>The read-only card (no buttons) that replaces the step's card once it is answered, drawn from the new state.</summary>
    public required Func<TState, JsonObject> Summary { get; init; }

    /// <summary>Handles an answer; use the outcome methods of <see cref="FlowAnswer{TState}"/>.</summary>
    public required Func<FlowAnswer<TState>, CancellationToken, Task<StepOutcome<TState>>> Answer { get; init; }

    /// <summary>True when a typed message (not a command) counts as the answer to this step.</summary>
    public bool AcceptsText { get; init; }
}
