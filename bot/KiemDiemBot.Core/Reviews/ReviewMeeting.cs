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

    /// <summary>The Outlook event (with its Teams meeting) in the participants' calendars, once created through Graph.</summary>
    public string? CalendarEventId { get; set; }

    /// <summary>The Teams meeting's join link, from the event.</summary>
    public string? OnlineMeetingJoinUrl { get; set; }

    /// <summary>The Teams meeting's chat (a groupChat conversation id), where the bot is installed so ballots open there.</summary>
    public string? MeetingChatId { get; set; }

    /// <summary>When the calendar last matched this meeting; earlier than <see cref="UpdatedAt"/> (or null) means the event is due an update.</summary>
    public DateTimeOffset? CalendarSyncedAt { get; set; }

    /// <summary>The last calendar failure, short and technical (status, Graph error code); cleared on success.</summary>
    public string? CalendarError { get; set; }

    /// <summary>When the app was installed in <see cref="MeetingChatId"/>.</summary>
    public DateTimeOffset? BotInstalledInChatAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
