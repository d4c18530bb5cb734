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
}
