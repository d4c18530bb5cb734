namespace KiemDiemBot.Cards;

/// <summary>The news a member gets when a cycle opens: the year and the date their cell is to finish by.</summary>
public sealed record CycleOpenedCardInput(int Year, DateOnly CellDeadline);
