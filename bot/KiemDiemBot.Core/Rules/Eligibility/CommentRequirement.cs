namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>
/// Whether a written comment from another party body is expected for a member, whether it has
/// arrived, and why it is or is not expected.
/// </summary>
public sealed record CommentRequirement(bool Required, bool Received, RuleReason Reason)
{
    /// <summary>Expected and not yet arrived: the secretary should chase it.</summary>
    public bool Missing => Required && !Received;
}
