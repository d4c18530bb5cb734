using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Audit;

internal sealed class AuditTrail(KiemDiemDbContext db, TimeProvider clock) : IAuditTrail
{
    /// <summary>Adds the entry to the unit of work; it is saved with the change it records.</summary>
    public void Record(AuditChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Actor);
        var at = clock.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Actor = change.Actor,
            SubjectKind = change.SubjectKind,
            SubjectId = change.SubjectId,
            Field = change.Field,
            OrganisationId = change.OrganisationId,
            FromValue = change.From,
            ToValue = change.To,
            Reason = change.Reason,
        });
    }

    public async Task<IReadOnlyList<AuditRecord>> ListAsync(AuditSubjectKind subjectKind, Guid subjectId, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectKind == subjectKind && e.SubjectId == subjectId)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(e => e.ToRecord())];
    }
}
