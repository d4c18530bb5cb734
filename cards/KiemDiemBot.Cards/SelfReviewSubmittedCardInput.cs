namespace KiemDiemBot.Cards;

/// <summary>
/// The card after the self-review is submitted (or completed with the accepted conclusions): what happened, when,
/// and what comes next; with the export button.
/// </summary>
/// <param name="Title">E.g. "Đã nộp bản tự kiểm điểm năm 2026".</param>
/// <param name="Message">E.g. when it was submitted and that the chi ủy has it.</param>
public sealed record SelfReviewSubmittedCardInput(string Title, string Message)
{
    /// <summary>Whose review it is, when a secretary entered it on the member's behalf.</summary>
    public string? Subject { get; init; }

    /// <summary>What applies next (the member's case, how to review or complete it).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The member whose review the export button exports, when it is not the one who presses it (proxy entry).</summary>
    public string? ExportMemberId { get; init; }
}
