using KiemDiemBot.Core.Identity;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>The turn a flow is working in and the roster member whose flow it is.</summary>
public sealed record FlowContext(DialogTurn Turn, TurnMember Member);
