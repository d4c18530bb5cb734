namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>What happens to a member admitted less than the rule set's number of months ago.</summary>
public enum NewMemberPolicy
{
    /// <summary>HD21 (2019–2024): writes a self-review, is not ranked.</summary>
    SelfReviewNotRanked,

    /// <summary>QĐ366 (2025 onward): neither reviewed nor ranked.</summary>
    NotReviewed,
}
