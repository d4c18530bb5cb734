namespace KiemDiemBot.Core.Cycles;

/// <summary>
/// Resolves deadlines for many organisations at once from a cycle already loaded: an organisation's own date,
/// else the nearest committee above's, else the cycle-wide date, else (a cycle created before the kind existed)
/// the seed's default.
/// </summary>
internal sealed class DeadlineResolver
{
    private readonly int year;
    private readonly Dictionary<DeadlineKind, DateOnly> cycleWide;
    private readonly Dictionary<(Guid OrganisationId, DeadlineKind Kind), DateOnly> own;
    private readonly Func<Guid, Guid?> parentOf;

    public DeadlineResolver(ReviewCycle cycle, Func<Guid, Guid?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        year = cycle.Year;
        cycleWide = cycle.Deadlines.ToDictionary(d => d.Kind, d => d.DueBefore);
        own = cycle.CommitteeDeadlines.ToDictionary(d => (d.OrganisationId, d.Kind), d => d.DueBefore);
        this.parentOf = parentOf;
    }

    public ResolvedDeadline Resolve(Guid organisationId, DeadlineKind kind)
    {
        if (own.Count > 0)
        {
            var visited = new HashSet<Guid>();
            Guid? current = organisationId;
            while (current is { } id && visited.Add(id))
            {
                if (own.TryGetValue((id, kind), out var date))
                {
                    return new ResolvedDeadline(kind, date, id);
                }
                current = parentOf(id);
            }
        }
        return new ResolvedDeadline(kind, CycleWide(kind), null);
    }

    public DateOnly CycleWide(DeadlineKind kind) => cycleWide.TryGetValue(kind, out var date) ? date : kind.SeedDefault(year);
}
