namespace KiemDiemBot.Cards;

/// <summary>Where a member's self-review stands, as the progress card shows it.</summary>
public enum CellProgressStatus
{
    NotStarted = 0,
    InProgress = 1,
    Submitted = 2,
    Locked = 3,
}

/// <summary>Whether a written comment about the member is expected, and whether it has arrived.</summary>
public enum CommentProgress
{
    NotExpected = 0,
    Missing = 1,
    Received = 2,
}

/// <summary>One member's line: their self-review, the residence comment (Mẫu 3-213), the temporary cell's comment, and whether the bot can write to them.</summary>
public sealed record CellProgressRow(
    Guid MemberId,
    string FullName,
    CellProgressStatus Status,
    CommentProgress Residence,
    CommentProgress TemporaryCell,
    bool Reachable)
{
    /// <summary>False for a member exempt from or suspended from activities: listed, not reviewed this cycle.</summary>
    public bool IsReviewed { get; init; } = true;

    /// <summary>The member's official cell is another; they hold activities in this one temporarily (its buttons are the official cell's).</summary>
    public bool IsTemporaryHere { get; init; }
}

/// <summary>
/// A cell's progress in a cycle for its secretary: every member in roster order (the card shows one page of
/// them, <see cref="Page"/>, with totals for all), and a line about what the last button did.
/// </summary>
public sealed record CellProgressCardInput(Guid CellId, Guid CycleId, int Year, string CellName, IReadOnlyList<CellProgressRow> Members)
{
    /// <summary>The page shown, 0 first; clamped to the pages there are.</summary>
    public int Page { get; init; }

    /// <summary>What the last action did (e.g. a comment marked received), shown above the list; null for none.</summary>
    public string? Notice { get; init; }
}
