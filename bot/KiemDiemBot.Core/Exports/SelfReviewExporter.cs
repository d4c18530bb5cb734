using System.Globalization;
using System.Text;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Text;

namespace KiemDiemBot.Core.Exports;

/// <summary>
/// Loads a self-review and renders it with <see cref="SelfReviewDocument"/>: the place from <c>Review:Place</c>,
/// the date the review was submitted (today, in Vietnam, while it is not), and a file name without diacritics,
/// e.g. <c>Ban-kiem-diem-2022-Nguyen-Van-An.docx</c>. Reads only; nothing to commit.
/// </summary>
internal sealed class SelfReviewExporter(ISelfReviewService reviews, ReviewOptions options, TimeProvider clock) : ISelfReviewExporter
{
    public async Task<ExportedFile?> ExportAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var review = await reviews.GetAsync(reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }
        var date = WorkingCalendar.ToLocalDate(review.SubmittedAt ?? clock.GetUtcNow());
        var content = SelfReviewDocument.Render(new SelfReviewDocumentInput(review, options.Place, date));
        return new ExportedFile(FileName(review), SelfReviewDocument.ContentType, content);
    }

    /// <summary><c>Ban-kiem-diem-{year}-{Name-Without-Diacritics}.docx</c>; without the name when there is none.</summary>
    internal static string FileName(SelfReviewView review)
    {
        var name = new StringBuilder();
        foreach (var word in VietnameseFolding.Fold(review.Answers.Identity?.FullName).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append('-').Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }
        return string.Create(CultureInfo.InvariantCulture, $"{ExportTexts.FileName_Prefix}-{review.Year}{name}.docx");
    }
}
