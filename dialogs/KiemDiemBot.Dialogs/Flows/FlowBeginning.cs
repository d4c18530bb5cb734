using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>
/// A flow's start as the engine handles it: the cycle, the first step and state as JSON, whether an active run
/// moves there, the line sent with the card and the card itself (drawn from the state as the flow made it, so
/// nothing it loaded is read again); or the refusal to send.
/// </summary>
internal sealed record FlowBeginning(Guid CycleId, string? StateJson, DialogReply? Refusal)
{
    public string? Step { get; init; }

    public bool MovesActiveRun { get; init; }

    public string? Notice { get; init; }

    public Func<JsonObject>? Card { get; init; }
}
