namespace KiemDiemBot.Core.Reviews;

/// <summary>A body's review meeting date in a cycle (the meetings issue adds participants, agenda and ballots).</summary>
public sealed record ReviewMeetingView(Guid MeetingId, Guid CycleId, Guid OrganisationId, string OrganisationName, DateTimeOffset StartsAt);

/// <summary>What is off with a meeting date, said plainly to the secretary; the date is kept all the same.</summary>
public sealed record MeetingDateWarning(string Text);

/// <summary>Review meeting dates per body. Changes are staged (audited); the turn commits them.</summary>
public interface IReviewMeetingCalendar
{
    /// <summary>Sets or moves the body's meeting (bringing back a cancelled one); warns when a cell meets on or after its deadline's due day.</summary>
    Task<IReadOnlyList<MeetingDateWarning>> SetMeetingAsync(
        Guid cycleId, Guid organisationId, DateTimeOffset startsAt, Guid actorMemberId, CancellationToken cancellationToken);

    /// <summary>The meetings of an organisation and every body under it, by date; cancelled ones left out.</summary>
    Task<IReadOnlyList<ReviewMeetingView>> ListAsync(Guid cycleId, Guid organisationId, CancellationToken cancellationToken);

    /// <summary>The meeting where the member's self-review is heard: their official cell's; none when it is cancelled (the review does not lock).</summary>
    Task<ReviewMeetingView?> FindForMemberAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken);
}
