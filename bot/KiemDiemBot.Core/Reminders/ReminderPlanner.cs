using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Reminders;

/// <summary>
/// Computes the plan from the domain every time it is asked: the cycles (deadlines, committee dates, calendar
/// overrides, reminder settings), the organisation tree and the meetings, then reads the ledger only for the keys
/// it needs. Members are never loaded, so a tick on a large tree stays a handful of small queries.
/// </summary>
internal sealed class ReminderPlanner(KiemDiemDbContext db, UnitOfWork unitOfWork, TimeProvider clock) : IReminderPlanner
{
    public async Task<IReadOnlyList<PlannedOccasion>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(now, WorkingCalendar.TimeZone);
        if (!QuietWindow.Contains(TimeOnly.FromDateTime(local.DateTime)))
        {
            return [];
        }
        var today = DateOnly.FromDateTime(local.DateTime);
        var domain = await PlanDomain.LoadAsync(db, today.Year, cancellationToken);
        var candidates = new List<ComputedOccasion>();
        foreach (var cycle in domain.Cycles)
        {
            var calendar = OccasionCalculator.CalendarOf(cycle);
            if (!calendar.IsWorkingDay(today))
            {
                continue;
            }
            var live = new OccasionCalculator(cycle, calendar, domain).Compute()
                .Where(o => o.IsLiveAt(now));
            candidates.AddRange(LatestOfEachSeries(live));
        }
        var runs = await RunsAsync(candidates.Select(c => c.Occasion.Key), cancellationToken);
        return [.. candidates
            .Where(c => !runs.ContainsKey(c.Occasion.Key))
            .Select(c => c.Occasion)
            .OrderBy(o => o.At)
            .ThenBy(o => o.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<PlanEntry>> PlanAsync(
        Guid? organisationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var domain = await PlanDomain.LoadAsync(db, WorkingCalendar.ToLocalDate(from).Year, cancellationToken);
        var subtree = organisationId is { } root ? domain.Subtree(root) : null;
        var computed = new List<ComputedOccasion>();
        foreach (var cycle in domain.Cycles)
        {
            var calendar = OccasionCalculator.CalendarOf(cycle);
            computed.AddRange(new OccasionCalculator(cycle, calendar, domain).Compute()
                .Where(o => subtree is null || subtree.Contains(o.Occasion.OrganisationId)));
        }
        var runs = await RunsAsync(computed.Where(o => o.Occasion.At >= from && o.Occasion.At <= to).Select(o => o.Occasion.Key), cancellationToken);
        // Of a series, an occasion already due gives way to a later one already due (only the latest is sent).
        var superseded = computed
            .Where(o => o.Occasion.At <= now && o.Occasion.At >= o.KnownSince)
            .GroupBy(o => o.Series)
            .SelectMany(series => series.OrderByDescending(o => o.Occasion.At).Skip(1))
            .Select(o => o.Occasion.Key)
            .ToHashSet(StringComparer.Ordinal);
        return [.. computed
            .Where(o => o.Occasion.At >= from && o.Occasion.At <= to)
            .Select(o => (o, RunAt: runs.TryGetValue(o.Occasion.Key, out var ranAtMs) ? DateTimeOffset.FromUnixTimeMilliseconds(ranAtMs) : (DateTimeOffset?)null))
            .Where(e => e.RunAt is not null || (now < e.o.Expires && e.o.Occasion.At >= e.o.KnownSince && !superseded.Contains(e.o.Occasion.Key)))
            .OrderBy(e => e.o.Occasion.At)
            .ThenBy(e => e.o.Occasion.Key, StringComparer.Ordinal)
            .Select(e => new PlanEntry(e.o.Occasion, e.RunAt))];
    }

    public void MarkRun(PlannedOccasion occasion, int staged)
    {
        ArgumentNullException.ThrowIfNull(occasion);
        ArgumentOutOfRangeException.ThrowIfNegative(staged);
        var key = occasion.Key;
        var ranAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // INSERT ... ON CONFLICT DO NOTHING, the same on PostgreSQL and SQLite: a second tick (or instance) that ran
        // the same occasion concurrently leaves the first mark in place.
        unitOfWork.Stage((context, ct) => context.Database.ExecuteSqlAsync(
            $"""INSERT INTO occasion_runs ("key", ran_at_ms, staged) VALUES ({key}, {ranAtMs}, {staged}) ON CONFLICT ("key") DO NOTHING""",
            ct));
    }

    private static IEnumerable<ComputedOccasion> LatestOfEachSeries(IEnumerable<ComputedOccasion> live) =>
        live.GroupBy(o => o.Series).Select(series => series.OrderByDescending(o => o.Occasion.At).First());

    private async Task<Dictionary<string, long>> RunsAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }
        var runs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(500))
        {
            var rows = await db.OccasionRuns.AsNoTracking()
                .Where(r => chunk.Contains(r.Key))
                .Select(r => new { r.Key, r.RanAtMs })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                runs[row.Key] = row.RanAtMs;
            }
        }
        return runs;
    }
}
