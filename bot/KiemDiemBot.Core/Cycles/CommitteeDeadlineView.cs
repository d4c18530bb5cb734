namespace KiemDiemBot.Core.Cycles;

/// <summary>A committee's own date for one deadline.</summary>
public sealed record CommitteeDeadlineView(Guid OrganisationId, DeadlineKind Kind, DateOnly DueBefore);
