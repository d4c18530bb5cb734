namespace KiemDiemBot.Core.Cycles;

/// <summary>The deadline that binds one organisation, and who set it.</summary>
/// <param name="Kind">Which deadline.</param>
/// <param name="DueBefore">Finish before this date.</param>
/// <param name="SetByOrganisationId">The committee (the organisation itself or one above it) that set it; null for the cycle-wide date.</param>
public sealed record ResolvedDeadline(DeadlineKind Kind, DateOnly DueBefore, Guid? SetByOrganisationId);
