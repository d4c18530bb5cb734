using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Reminders;

/// <summary>What the plan is computed from, read in a few queries: the cycles, the organisation tree, the meetings.</summary>
internal sealed class PlanDomain
{
    private PlanDomain(List<ReviewCycle> cycles, List<PlanOrganisation> organisations, List<PlanMeeting> meetings)
    {
        Cycles = cycles;
        Organisations = organisations;
        ById = organisations.ToDictionary(o => o.Id);
        Children = organisations.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
        MeetingsByCycle = meetings.ToLookup(m => m.CycleId);
    }

    public List<ReviewCycle> Cycles { get; }

    public List<PlanOrganisation> Organisations { get; }

    public Dictionary<Guid, PlanOrganisation> ById { get; }

    public ILookup<Guid, Guid> Children { get; }

    /// <summary>Meetings not cancelled, by cycle.</summary>
    public ILookup<Guid, PlanMeeting> MeetingsByCycle { get; }

    /// <summary>
    /// Cycles of <paramref name="fromYear"/> minus one and later (an older cycle's occasions are all past), with
    /// their deadlines and calendars; the organisations; the meetings of those cycles not cancelled.
    /// </summary>
    public static async Task<PlanDomain> LoadAsync(KiemDiemDbContext db, int fromYear, CancellationToken cancellationToken)
    {
        var cycles = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.Year >= fromYear - 1)
            .Include(c => c.Deadlines)
            .Include(c => c.CommitteeDeadlines)
            .Include(c => c.CalendarDays)
            .AsSplitQuery()
            .OrderBy(c => c.Year)
            .ToListAsync(cancellationToken);
        if (cycles.Count == 0)
        {
            return new PlanDomain([], [], []);
        }
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new PlanOrganisation(o.Id, o.Kind, o.ParentId))
            .ToListAsync(cancellationToken);
        var cycleIds = cycles.Select(c => c.Id).ToList();
        var meetings = await db.ReviewMeetings.AsNoTracking()
            .Where(m => cycleIds.Contains(m.CycleId) && m.CancelledAt == null)
            .Select(m => new PlanMeeting(m.Id, m.CycleId, m.OrganisationId, m.StartsAt, m.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new PlanDomain(cycles, organisations, meetings);
    }

    public Guid? ParentOf(Guid organisationId) => ById.TryGetValue(organisationId, out var row) ? row.ParentId : null;

    /// <summary>The organisation and every one under it.</summary>
    public HashSet<Guid> Subtree(Guid root)
    {
        var subtree = new HashSet<Guid>();
        var pending = new Stack<Guid>([root]);
        while (pending.TryPop(out var id))
        {
            if (subtree.Add(id))
            {
                foreach (var child in Children[id])
                {
                    pending.Push(child);
                }
            }
        }
        return subtree;
    }
}
