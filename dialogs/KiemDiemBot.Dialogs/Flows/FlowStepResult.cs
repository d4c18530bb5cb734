using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>
/// A step's outcome as the engine handles it: the state to store (as JSON) and the step to move to, the
/// read-only summary of the answered step, and the card to send (the next step's, the same step's with its
/// errors, or the flow's last).
/// </summary>
internal sealed record FlowStepResult(
    StepOutcomeKind Kind, string? StateJson, string? NextStep, JsonObject? Summary, JsonObject Card, int ErrorCount)
{
    /// <summary>The post key of the completion card's message, if any (see <see cref="DialogReply.PostKey"/>).</summary>
    public string? PostKey { get; init; }

    public static FlowStepResult Stay(JsonObject card, int errorCount) => new(StepOutcomeKind.Stay, null, null, null, card, errorCount);

    public static FlowStepResult Next(string stateJson, string nextStep, JsonObject summary, JsonObject card) =>
        new(StepOutcomeKind.Next, stateJson, nextStep, summary, card, 0);

    public static FlowStepResult Complete(string stateJson, JsonObject summary, JsonObject card) =>
        new(StepOutcomeKind.Complete, stateJson, null, summary, card, 0);
}
