using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Reviews;

/// <summary>The Vietnamese names of the self-review's sections.</summary>
public static class SelfReviewSections
{
    /// <summary>The heading as the form writes it, e.g. "II. Hạn chế, khuyết điểm và nguyên nhân".</summary>
    public static string DisplayName(this SelfReviewSection section) => section switch
    {
        SelfReviewSection.Identity => ReviewTexts.Section_Identity,
        SelfReviewSection.Strengths => ReviewTexts.Section_Strengths,
        SelfReviewSection.Shortcomings => ReviewTexts.Section_Shortcomings,
        SelfReviewSection.Remedy => ReviewTexts.Section_Remedy,
        SelfReviewSection.Explanations => ReviewTexts.Section_Explanations,
        SelfReviewSection.CollectiveShare => ReviewTexts.Section_CollectiveShare,
        SelfReviewSection.Measures => ReviewTexts.Section_Measures,
        SelfReviewSection.ProposedLevel => ReviewTexts.Section_ProposedLevel,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
