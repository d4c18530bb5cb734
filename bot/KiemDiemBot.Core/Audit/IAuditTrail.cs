namespace KiemDiemBot.Core.Audit;

/// <summary>The audit log of changes to rankings, to cycle settings and to members' roster records.</summary>
public interface IAuditTrail
{
    /// <summary>Every change recorded for one cycle or ranking, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(AuditSubjectKind subjectKind, Guid subjectId, CancellationToken cancellationToken);
}
