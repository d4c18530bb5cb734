namespace KiemDiemBot.Core.Reviews;

/// <summary>One saved version of a self-review's answers: who saved it and when.</summary>
internal sealed class SelfReviewRevision
{
    public long Id { get; set; }

    public Guid ReviewId { get; set; }

    public int Version { get; set; }

    public required string AnswersJson { get; set; }

    /// <summary>The member, or the secretary entering it on their behalf.</summary>
    public Guid SavedByMemberId { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}
