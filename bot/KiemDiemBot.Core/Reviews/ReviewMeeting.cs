namespace KiemDiemBot.Core.Reviews;

/// <summary>A body's review meeting in a cycle: when it starts. A member's self-review locks when their cell's meeting starts.</summary>
internal sealed class ReviewMeeting
{
    public Guid Id { get; set; }

    public Guid CycleId { get; set; }

    public Guid OrganisationId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
