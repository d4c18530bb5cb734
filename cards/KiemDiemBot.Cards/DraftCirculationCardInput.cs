namespace KiemDiemBot.Cards;

/// <summary>The draft collective report sent to a meeting's participants, with a box for their comment.</summary>
/// <param name="MeetingDate">The meeting's day and time, as people read them (Asia/Ho_Chi_Minh).</param>
/// <param name="DraftReportUrl">The draft's link: a button opens it when it is a web address.</param>
/// <param name="CirculateBy">The rule's latest day for sending the draft (three working days before the meeting).</param>
public sealed record DraftCirculationCardInput(
    Guid MeetingId,
    string BodyName,
    DateOnly MeetingDate,
    TimeOnly MeetingTime,
    string DraftReportUrl,
    DateOnly CirculateBy)
{
    /// <summary>The member's comment sent before: prefilled in the box.</summary>
    public string? PreviousComment { get; init; }

    /// <summary>When the comment in the box was received (the card shown again after sending it).</summary>
    public DateTimeOffset? SavedAt { get; init; }
}
