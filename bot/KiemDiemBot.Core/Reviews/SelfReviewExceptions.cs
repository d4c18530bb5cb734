using System.Globalization;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Reviews;

/// <summary>A submit (nộp) refused while required answers are missing; the message names them in Vietnamese.</summary>
public sealed class SelfReviewIncompleteException(IReadOnlyList<SelfReviewSection> missing)
    : InvalidOperationException(string.Format(CultureInfo.InvariantCulture, ReviewTexts.SelfReview_Incomplete,
        string.Join("; ", missing.Select(section => section.DisplayName()))))
{
    /// <summary>The sections still missing an answer, in the form's order.</summary>
    public IReadOnlyList<SelfReviewSection> Missing { get; } = missing;
}

/// <summary>An answer refused as it stands (a text over the limit, a level above a cap); the message says why in Vietnamese.</summary>
public sealed class SelfReviewAnswerRejectedException(SelfReviewSection? section, string message) : ArgumentException(message)
{
    /// <summary>The section whose answer was refused; null for the conclusions accepted after the meeting.</summary>
    public SelfReviewSection? Section { get; } = section;
}
