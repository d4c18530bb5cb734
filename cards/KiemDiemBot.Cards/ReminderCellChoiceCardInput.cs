namespace KiemDiemBot.Cards;

/// <summary>A cell an administrator can pick.</summary>
public sealed record CellChoice(Guid CellId, string Name);

/// <summary>What the administrator picks a cell for.</summary>
public enum CellChoicePurpose
{
    /// <summary>Its reminder schedule (lịch nhắc).</summary>
    Schedule = 0,

    /// <summary>Its members the bot cannot reach (ai chưa nhận được tin nhắn).</summary>
    Unreachable = 1,
}

/// <summary>The cells an administrator may pick, by name, in the open cycle.</summary>
public sealed record ReminderCellChoiceCardInput(Guid CycleId, int Year, IReadOnlyList<CellChoice> Cells)
{
    public CellChoicePurpose Purpose { get; init; }
}
