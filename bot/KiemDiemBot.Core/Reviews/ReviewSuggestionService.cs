using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Reviews;

internal sealed class ReviewSuggestionService(KiemDiemDbContext db, AuditTrail audit, TimeProvider clock) : IReviewSuggestionService
{
    public async Task<ReviewSuggestionView> AddAsync(Guid cycleId, Guid memberId, string text, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        text = text.Trim();
        if (text.Length > SelfReviewAnswers.MaxTextLength)
        {
            throw new ArgumentException($"A review suggestion is at most {SelfReviewAnswers.MaxTextLength} characters.", nameof(text));
        }
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            throw new KeyNotFoundException($"No member {memberId}.");
        }
        if (!db.ReviewCycles.Local.Any(c => c.Id == cycleId) && !await db.ReviewCycles.AnyAsync(c => c.Id == cycleId, cancellationToken))
        {
            throw new KeyNotFoundException($"No review cycle {cycleId}.");
        }
        var now = clock.GetUtcNow();
        var suggestion = new ReviewSuggestion { Id = Guid.CreateVersion7(now), CycleId = cycleId, MemberId = memberId, Text = text, CreatedAt = now };
        db.ReviewSuggestions.Add(suggestion);
        audit.Record(new AuditChange(actor, AuditSubjectKind.Member, memberId, AuditFields.ReviewSuggestion, null, suggestion.Id.ToString(), null));
        return ToView(suggestion);
    }

    public async Task<IReadOnlyList<ReviewSuggestionView>> ListAsync(Guid cycleId, Guid memberId, CancellationToken cancellationToken)
    {
        var stored = await db.ReviewSuggestions.AsNoTracking()
            .Where(s => s.CycleId == cycleId && s.MemberId == memberId)
            .ToListAsync(cancellationToken);
        var staged = db.ReviewSuggestions.Local.Where(s => s.CycleId == cycleId && s.MemberId == memberId && stored.TrueForAll(x => x.Id != s.Id));
        return [.. stored.Concat(staged).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(ToView)];
    }

    private static ReviewSuggestionView ToView(ReviewSuggestion suggestion) =>
        new(suggestion.Id, suggestion.CycleId, suggestion.MemberId, suggestion.Text, suggestion.CreatedAt);
}
