namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>Whether a cap group's levels keep the excellence cap, and who is concerned when not.</summary>
/// <param name="Excellent">Subjects at HTXSNV.</param>
/// <param name="Good">Subjects at HTTNV (not counting HTXSNV).</param>
/// <param name="MaximumExcellent">The most HTXSNV this group can hold once the others fall to HTTNV.</param>
/// <param name="Holds">The cap holds as ranked.</param>
/// <param name="Candidates">When the cap does not hold: every HTXSNV subject, to go to the approval ballot; otherwise empty.</param>
/// <param name="Reason">When the cap does not hold: the sentence the secretary and the deciding body see.</param>
public sealed record ExcellenceCapCheck(
    int Excellent,
    int Good,
    int MaximumExcellent,
    bool Holds,
    IReadOnlyList<Guid> Candidates,
    RuleReason? Reason)
{
    /// <summary>How many HTXSNV are over the cap.</summary>
    public int Excess => Holds ? 0 : Excellent - MaximumExcellent;
}
