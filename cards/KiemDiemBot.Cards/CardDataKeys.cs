namespace KiemDiemBot.Cards;

/// <summary>
/// Keys every Action.Submit data object carries, so that a submit names its handler and a stale card
/// (built by an older version of the bot) is recognised.
/// </summary>
public static class CardDataKeys
{
    public const string Verb = "verb";
    public const string Step = "step";
    public const string CardVersion = "cardVersion";

    // The secretary's progress card: which cell and page a button is about, and what a comment button marks.

    /// <summary>The cell a progress card shows.</summary>
    public const string Cell = "cell";

    /// <summary>The page of a progress card (0 is the first).</summary>
    public const string Page = "page";

    /// <summary>Which written comment a button marks: see the progress card's comment values.</summary>
    public const string Comment = "comment";

    /// <summary>True to mark the comment received, false to mark it missing again.</summary>
    public const string Received = "received";

    // Stamped on every flow card by the flow engine (see FlowCardData). A card input must not use these ids.

    /// <summary>The flow the card belongs to.</summary>
    public const string Flow = "flow";

    /// <summary>The version of the member's flow state the card was drawn from.</summary>
    public const string FlowVersion = "flowVersion";

    /// <summary>The member whose flow it is; a submit by anyone else is refused.</summary>
    public const string Owner = "owner";

    /// <summary>The review cycle of the flow's state; absent for a flow that belongs to no cycle.</summary>
    public const string Cycle = "cycle";

    /// <summary>The roster member a secretary's action is about (progress card buttons, proxy entry).</summary>
    public const string MemberId = "memberId";

    /// <summary>A review meeting's id.</summary>
    public const string Meeting = "meeting";

    /// <summary>A ballot's id.</summary>
    public const string Ballot = "ballot";

    /// <summary>An organisation's (body's) id.</summary>
    public const string Body = "body";

    /// <summary>The prefix of a ballot card's input per subject: "s." followed by the subject id.</summary>
    public const string SubjectPrefix = "s.";

    /// <summary>The reminder schedule card's multi-select: the ids of the members whose reminders are paused, comma-separated.</summary>
    public const string PausedMembers = "pausedMembers";

    /// <summary>The circulation card's text box: the participant's comment on the draft report.</summary>
    public const string DraftComment = "draftComment";
}
