namespace KiemDiemBot.Cards;

/// <summary>The verbs card buttons carry in their Action.Submit data; the router dispatches on them.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "help.show";
    public const string ShowAbout = "about.show";

    /// <summary>The secretary's progress card of a cell again (refreshed, or another page); the data names the cell, cycle and page.</summary>
    public const string ShowCellProgress = "progress.show";

    /// <summary>Marks a member's written comment received or not; the data names the member, the comment, the cell, cycle and page.</summary>
    public const string MarkReviewComment = "progress.comment";

    /// <summary>Sends a reminder now to the cell's members who have not finished their self-review; the data names the cell and cycle.</summary>
    public const string RemindCell = "progress.remind";

    /// <summary>An answer on a flow step's card; the data also names the flow, step, state version and owner (see <see cref="FlowCardData"/>).</summary>
    public const string FlowSubmit = "flow.submit";

    /// <summary>Export the member's self-review as .docx (the command "xuất file" does the same).</summary>
    public const string ExportSelfReview = "selfReview.export";

    /// <summary>Start or resume the member's self-review (the command "tự kiểm điểm" does the same).</summary>
    public const string StartSelfReview = "selfReview.start";

    /// <summary>A secretary enters a member's self-review on their behalf; the data carries <see cref="CardDataKeys.MemberId"/>.</summary>
    public const string EnterSelfReviewByProxy = "selfReview.proxy";

    /// <summary>
    /// A secretary reopens a member's self-review locked by the start of the cell meeting (progress card); the data
    /// carries <see cref="CardDataKeys.MemberId"/> and the card's cell, cycle and page.
    /// </summary>
    public const string UnlockSelfReview = "selfReview.unlock";
}
