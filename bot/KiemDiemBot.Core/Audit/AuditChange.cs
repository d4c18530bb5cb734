namespace KiemDiemBot.Core.Audit;

/// <summary>A change to record in the audit log, in the same unit of work as the change itself.</summary>
internal sealed record AuditChange(
    string Actor,
    AuditSubjectKind SubjectKind,
    Guid SubjectId,
    string Field,
    string? From,
    string? To,
    string? Reason)
{
    public Guid? OrganisationId { get; init; }
}
