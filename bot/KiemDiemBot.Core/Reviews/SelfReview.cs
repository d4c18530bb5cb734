namespace KiemDiemBot.Core.Reviews;

/// <summary>
/// One member's self-review (bản tự kiểm điểm) of one cycle. The answers are stored as JSON text and every
/// saved version is kept in <see cref="SelfReviewRevision"/>. <see cref="Version"/> is the concurrency token:
/// every change raises it, so a save based on an older version loses.
/// </summary>
internal sealed class SelfReview
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public Guid CycleId { get; set; }

    public int Version { get; set; }

    /// <summary><see cref="SelfReviewStatus.InProgress"/> or <see cref="SelfReviewStatus.Submitted"/>; Locked is derived from the meeting time.</summary>
    public SelfReviewStatus Status { get; set; }

    /// <summary>The current <see cref="SelfReviewAnswers"/>, serialised by <see cref="SelfReviewAnswersJson"/>.</summary>
    public required string AnswersJson { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>When a secretary last reopened the review; it stays open after a meeting that started before this.</summary>
    public DateTimeOffset? UnlockedAt { get; set; }

    public Guid? UnlockedBy { get; set; }

    /// <summary>The secretary who saved the current answers on the member's behalf, if any.</summary>
    public Guid? EnteredByProxyMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
