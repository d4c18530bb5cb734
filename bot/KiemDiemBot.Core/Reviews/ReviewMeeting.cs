namespace KiemDiemBot.Core.Reviews;

/// <summary>
/// A body's review meeting in a cycle: when it starts and ends, the chat it runs in, the draft report, and
/// (in <see cref="Meetings.ReviewMeetingParticipant"/>) who is summoned. A member's self-review locks when their
/// cell's meeting starts.
/// </summary>
internal sealed class ReviewMeeting
{
    public Guid Id { get; set; }

    public Guid CycleId { get; set; }

    public Guid OrganisationId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>The meeting chat (where `lịch họp` was typed): ballots open there.</summary>
    public string? ChannelId { get; set; }

    public string? ConversationId { get; set; }

    /// <summary>The draft collective report: a link or a local file link.</summary>
    public string? DraftReportUrl { get; set; }

    /// <summary>When the superior standing committee approved the draft (needed when it gave review suggestions).</summary>
    public DateTimeOffset? DraftApprovedAt { get; set; }

    /// <summary>Set when cancelled; scheduling again clears it.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
