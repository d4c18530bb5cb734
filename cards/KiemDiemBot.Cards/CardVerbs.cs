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

    /// <summary>Cancel the review meeting shown on the meeting card; the data carries <see cref="CardDataKeys.Meeting"/>.</summary>
    public const string CancelMeeting = "meeting.cancel";

    /// <summary>Show the agenda card of the meeting again; the data carries <see cref="CardDataKeys.Meeting"/>.</summary>
    public const string ShowAgenda = "meeting.agenda";

    /// <summary>
    /// A voter's whole ballot from their private ballot card: one input per subject, keyed by
    /// <see cref="CardDataKeys.SubjectPrefix"/> and the subject id; the data carries <see cref="CardDataKeys.Ballot"/>.
    /// Handled by a stateless dialog so that no flow state ever holds a choice.
    /// </summary>
    public const string CastBallot = "ballot.cast";

    /// <summary>Close the open ballot (same as "đóng phiếu"); the data carries <see cref="CardDataKeys.Ballot"/>.</summary>
    public const string CloseBallot = "ballot.close";

    /// <summary>Show the result card of a closed ballot; the data carries <see cref="CardDataKeys.Ballot"/>.</summary>
    public const string ShowBallotResult = "ballot.result";

    /// <summary>Open the next round for the flagged subjects of a closed ballot; the data carries <see cref="CardDataKeys.Ballot"/>.</summary>
    public const string OpenRevote = "ballot.revote";

    /// <summary>Open the HTXSNV approval ballot in the deciding body; the data carries <see cref="CardDataKeys.Cycle"/> and <see cref="CardDataKeys.Body"/>.</summary>
    public const string OpenApprovalBallot = "ballot.approval";

    /// <summary>Adopt the deciding body's pending results; the data carries <see cref="CardDataKeys.Cycle"/> and <see cref="CardDataKeys.Body"/>.</summary>
    public const string AdoptResults = "ranking.adopt";

    /// <summary>Export the minutes (.docx) of a closed ballot's meeting; the data carries <see cref="CardDataKeys.Ballot"/>.</summary>
    public const string ExportMinutes = "ballot.minutes";

    /// <summary>Export the ranking list and statistics (.xlsx); the data carries <see cref="CardDataKeys.Cycle"/> and <see cref="CardDataKeys.Body"/>.</summary>
    public const string ExportRankingList = "ranking.list";

    /// <summary>The reminder schedule card of a cell (lịch nhắc) again; the data names the cell (or an input does) and the cycle.</summary>
    public const string ShowReminderSchedule = "reminders.show";

    /// <summary>
    /// Saves which members' automatic reminders are paused (the schedule card's multi-select,
    /// <see cref="CardDataKeys.PausedMembers"/>); the data names the cell and cycle.
    /// </summary>
    public const string SaveReminderPauses = "reminders.pause";

    /// <summary>The members of a cell the bot cannot reach (ai chưa nhận được tin nhắn); the data names the cell and cycle.</summary>
    public const string ShowUnreachableMembers = "unreachable.show";

    /// <summary>
    /// A participant's comment (góp ý) on the draft collective report, from the circulation card: the data carries
    /// <see cref="CardDataKeys.Meeting"/>, the input <see cref="CardDataKeys.DraftComment"/>.
    /// </summary>
    public const string SendDraftComment = "draft.comment";
}
