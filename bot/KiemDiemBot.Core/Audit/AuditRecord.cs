namespace KiemDiemBot.Core.Audit;

/// <summary>One audited change as read back.</summary>
/// <param name="Id">The entry; later entries have higher ids.</param>
/// <param name="At">When the change was made.</param>
/// <param name="Actor">Who made it.</param>
/// <param name="SubjectKind">A cycle's settings or a ranking.</param>
/// <param name="SubjectId">The cycle or ranking.</param>
/// <param name="Field">Which setting or value changed (<see cref="AuditFields"/>).</param>
/// <param name="OrganisationId">The committee whose own setting changed, if any.</param>
/// <param name="From">The value before, as text; null when there was none.</param>
/// <param name="To">The value after, as text; null when it was removed.</param>
/// <param name="Reason">Why, as the person wrote it.</param>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset At,
    string Actor,
    AuditSubjectKind SubjectKind,
    Guid SubjectId,
    string Field,
    Guid? OrganisationId,
    string? From,
    string? To,
    string? Reason);
