namespace KiemDiemBot.Core.Reviews;

/// <summary>A review suggestion (gợi ý kiểm điểm) for one member in one cycle.</summary>
public sealed record ReviewSuggestionView(Guid SuggestionId, Guid CycleId, Guid MemberId, string Text, DateTimeOffset CreatedAt);

/// <summary>
/// The review suggestions the higher level gave members; a member with any answers section IV of the
/// self-review. Changes are staged (audited); the caller commits.
/// </summary>
public interface IReviewSuggestionService
{
    /// <summary>Stages a suggestion for the member in the cycle.</summary>
    /// <exception cref="ArgumentException">The text is empty or longer than <see cref="SelfReviewAnswers.MaxTextLength"/>.</exception>
    Task<ReviewSuggestionView> AddAsync(Guid cycleId, Guid memberId, string text, string actor, CancellationToken cancellationToken);

    /// <summary>The member's suggestions in the cycle, oldest first.</summary>
    Task<IReadOnlyList<ReviewSuggestionView>> ListAsync(Guid cycleId, Guid memberId, CancellationToken cancellationToken);
}
