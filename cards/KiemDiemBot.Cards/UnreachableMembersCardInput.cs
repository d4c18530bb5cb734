namespace KiemDiemBot.Cards;

/// <summary>
/// The members of a cell the bot cannot write to (no personal chat with the bot, or they blocked it), by name in
/// roster order, and how many of the cell's members it can reach.
/// </summary>
public sealed record UnreachableMembersCardInput(Guid CellId, Guid CycleId, string CellName, IReadOnlyList<string> Unreachable, int ReachableCount);
