namespace KiemDiemBot.Cards;

/// <summary>One answer on the summary: what was asked (short) and what was written; null when not answered yet.</summary>
public sealed record SelfReviewSummaryItem(string Label, string? Text);

/// <summary>
/// One part of the form on the summary, with its answers; <see cref="EditSection"/> names it to the flow for the
/// edit button (null: no edit button, e.g. once the review is locked).
/// </summary>
public sealed record SelfReviewSummarySection(string Heading, IReadOnlyList<SelfReviewSummaryItem> Items)
{
    public string? EditSection { get; init; }

    /// <summary>The edit button's title, e.g. "Sửa mục III"; "Sửa" when null.</summary>
    public string? EditTitle { get; init; }
}

/// <summary>
/// The summary of a self-review (xem lại): every part with its answers and an edit button each, what is still
/// missing, and the buttons to submit or to export.
/// </summary>
/// <param name="Title">E.g. "Bản tự kiểm điểm năm 2026".</param>
/// <param name="Status">Where it stands, e.g. "Đang soạn" or "Đã nộp lúc ...".</param>
/// <param name="Sections">The parts of the form, in order.</param>
public sealed record SelfReviewSummaryCardInput(string Title, string Status, IReadOnlyList<SelfReviewSummarySection> Sections)
{
    /// <summary>Whose review it is, when a secretary enters it on the member's behalf.</summary>
    public string? Subject { get; init; }

    /// <summary>Lines to read (what applies to the member's case, the lock).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The parts still to answer before it can be submitted, by name; empty when complete.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Shows the submit (nộp) button.</summary>
    public bool CanSubmit { get; init; }

    /// <summary>Shows the export (xuất file) button.</summary>
    public bool CanExport { get; init; }

    /// <summary>The member whose review the export button exports, when it is not the one who presses it (proxy entry).</summary>
    public string? ExportMemberId { get; init; }
}
