using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Reminders;

internal sealed class ReminderPauses(KiemDiemDbContext db, AuditTrail audit, TimeProvider clock) : IReminderPauses
{
    public async Task<IReadOnlySet<Guid>> FindPausedAsync(Guid cycleId, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        if (memberIds.Count == 0)
        {
            return new HashSet<Guid>();
        }
        var ids = memberIds.Distinct().ToList();
        var paused = await db.ReminderPauses.AsNoTracking()
            .Where(p => p.CycleId == cycleId && ids.Contains(p.MemberId))
            .Select(p => p.MemberId)
            .ToListAsync(cancellationToken);
        // Staged in this unit of work but not yet committed: the turn that paused sees its own change.
        foreach (var entry in db.ChangeTracker.Entries<ReminderPause>().Where(e => e.Entity.CycleId == cycleId && ids.Contains(e.Entity.MemberId)))
        {
            if (entry.State == EntityState.Added)
            {
                paused.Add(entry.Entity.MemberId);
            }
            else if (entry.State == EntityState.Deleted)
            {
                paused.Remove(entry.Entity.MemberId);
            }
        }
        return paused.ToHashSet();
    }

    public async Task<bool> SetPausedAsync(Guid cycleId, Guid memberId, bool paused, Guid secretaryMemberId, CancellationToken cancellationToken)
    {
        var existing = db.ReminderPauses.Local.SingleOrDefault(p => p.CycleId == cycleId && p.MemberId == memberId)
            ?? await db.ReminderPauses.SingleOrDefaultAsync(p => p.CycleId == cycleId && p.MemberId == memberId, cancellationToken);
        var isPaused = existing is not null && db.Entry(existing).State != EntityState.Deleted;
        if (isPaused == paused)
        {
            return false;
        }
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            throw new KeyNotFoundException($"No member {memberId}.");
        }
        audit.Record(new AuditChange(secretaryMemberId.ToString(), AuditSubjectKind.Member, memberId, AuditFields.ReminderPaused,
            isPaused ? "true" : "false", paused ? "true" : "false", cycleId.ToString()));
        if (paused)
        {
            if (existing is not null)
            {
                // Resumed and paused again in one unit of work: the row stays.
                db.Entry(existing).State = EntityState.Unchanged;
                existing.PausedByMemberId = secretaryMemberId;
                existing.PausedAt = clock.GetUtcNow();
            }
            else
            {
                db.ReminderPauses.Add(new ReminderPause
                {
                    CycleId = cycleId,
                    MemberId = memberId,
                    PausedByMemberId = secretaryMemberId,
                    PausedAt = clock.GetUtcNow(),
                });
            }
        }
        else
        {
            db.ReminderPauses.Remove(existing!);
        }
        return true;
    }
}
