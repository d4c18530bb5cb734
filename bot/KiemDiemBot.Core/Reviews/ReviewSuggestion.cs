namespace KiemDiemBot.Core.Reviews;

/// <summary>A review suggestion (gợi ý kiểm điểm) the higher level gave a member for a cycle: section IV answers it.</summary>
internal sealed class ReviewSuggestion
{
    public Guid Id { get; set; }

    public Guid CycleId { get; set; }

    public Guid MemberId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
