namespace KiemDiemBot.Core.Meetings;

/// <summary>A member summoned to a review meeting; co-chairs are marked.</summary>
internal sealed class ReviewMeetingParticipant
{
    public Guid MeetingId { get; set; }

    public Guid MemberId { get; set; }

    public bool IsCoChair { get; set; }

    /// <summary>Position in the secretary's list (orders the agenda among equals).</summary>
    public int Position { get; set; }
}
