namespace KiemDiemBot.Core.Rules;

/// <summary>
/// A yes/no answer of one rule. A "no" always carries the reason; a "yes" may carry a note
/// (for example: a committee member suspended from the committee is still reviewed).
/// </summary>
public sealed record RuleDecision
{
    private RuleDecision(bool allowed, RuleReason? reason)
    {
        Allowed = allowed;
        Reason = reason;
    }

    public bool Allowed { get; }

    public RuleReason? Reason { get; }

    public static RuleDecision Yes() => new(true, null);

    public static RuleDecision Yes(RuleReason note) => new(true, note);

    public static RuleDecision No(RuleReason reason) => new(false, reason);
}
