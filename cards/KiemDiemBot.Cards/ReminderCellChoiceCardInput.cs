namespace KiemDiemBot.Cards;

/// <summary>A cell an administrator can pick.</summary>
public sealed record CellChoice(Guid CellId, string Name);

/// <summary>The cells an administrator may see the reminder schedule of, by name, in the open cycle.</summary>
public sealed record ReminderCellChoiceCardInput(Guid CycleId, int Year, IReadOnlyList<CellChoice> Cells);
