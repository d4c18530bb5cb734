namespace KiemDiemBot.Core.Reviews;

/// <summary>The written comments a member's ranking waits for.</summary>
public enum ReviewCommentKind
{
    /// <summary>Nhận xét của chi ủy nơi cư trú (Mẫu 3-213).</summary>
    Residence = 0,

    /// <summary>Nhận xét của chi bộ sinh hoạt tạm thời.</summary>
    TemporaryCell = 1,
}

/// <summary>One member's line on the secretary's progress card.</summary>
/// <param name="ResidenceCommentExpected">False when the member is exempt (DOMAIN.md A2).</param>
/// <param name="Reachable">The bot can write to the member (a stored personal conversation that is not blocked).</param>
public sealed record MemberProgress(
    Guid MemberId,
    string FullName,
    SelfReviewStatus Status,
    bool ResidenceCommentExpected,
    bool ResidenceCommentReceived,
    bool TemporaryCellCommentExpected,
    bool TemporaryCellCommentReceived,
    bool Reachable)
{
    /// <summary>The member's official cell is another; they hold activities in this one temporarily (sinh hoạt tạm thời).</summary>
    public bool HoldsTemporaryActivitiesHere { get; init; }

    /// <summary>False for a member exempt from or suspended from activities: not reviewed this cycle (DOMAIN.md A2).</summary>
    public bool IsReviewed { get; init; } = true;
}

/// <summary>A cell's progress in a cycle: its official members by name, then those holding activities there temporarily.</summary>
public sealed record CellProgressView(Guid CellId, string CellName, Guid CycleId, int Year, IReadOnlyList<MemberProgress> Members);

/// <summary>The secretary's view of a cell (tiến độ). Changes are staged; the turn commits them.</summary>
public interface IReviewProgressService
{
    Task<CellProgressView> GetCellProgressAsync(Guid cellId, Guid cycleId, CancellationToken cancellationToken);

    /// <summary>Marks a comment received or not (audited with the secretary); false when it already was.</summary>
    Task<bool> MarkCommentAsync(Guid memberId, ReviewCommentKind kind, bool received, Guid secretaryMemberId, CancellationToken cancellationToken);
}
