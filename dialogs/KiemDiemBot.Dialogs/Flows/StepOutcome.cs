using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>What a step's answer leads to; made by <see cref="FlowAnswer{TState}"/>.</summary>
/// <typeparam name="TState">The flow's state record.</typeparam>
public sealed class StepOutcome<TState>
    where TState : class
{
    internal StepOutcome(StepOutcomeKind kind, TState state, string? nextStep, IReadOnlyList<string> errors, JsonObject? completionCard)
    {
        Kind = kind;
        State = state;
        NextStep = nextStep;
        Errors = errors;
        CompletionCard = completionCard;
    }

    internal StepOutcomeKind Kind { get; }

    /// <summary>The state to store (Next, Complete) or to draw the card from (Stay).</summary>
    internal TState State { get; }

    internal string? NextStep { get; }

    internal IReadOnlyList<string> Errors { get; }

    internal JsonObject? CompletionCard { get; }

    /// <summary>The post key of the completion card's message (see <see cref="DialogReply.PostKey"/>), when it is to be updated later.</summary>
    internal string? CompletionPostKey { get; init; }
}

internal enum StepOutcomeKind
{
    Next,
    Stay,
    Complete,
}
