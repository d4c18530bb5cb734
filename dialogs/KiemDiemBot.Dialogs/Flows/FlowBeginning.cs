namespace KiemDiemBot.Dialogs.Flows;

/// <summary>A flow's start as the engine handles it: the cycle and the first state as JSON, or the refusal to send.</summary>
internal sealed record FlowBeginning(Guid CycleId, string? StateJson, DialogReply? Refusal);
