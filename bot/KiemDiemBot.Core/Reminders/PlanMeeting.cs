namespace KiemDiemBot.Core.Reminders;

/// <summary>A meeting not cancelled as the plan reads it; <see cref="ScheduledAt"/> is when it was last set or changed.</summary>
internal sealed record PlanMeeting(Guid Id, Guid CycleId, Guid OrganisationId, DateTimeOffset StartsAt, DateTimeOffset ScheduledAt);
