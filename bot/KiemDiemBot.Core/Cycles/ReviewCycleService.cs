using System.Globalization;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Cycles;

internal sealed class ReviewCycleService(KiemDiemDbContext db, AuditTrail audit, TimeProvider clock) : IReviewCycleService
{
    public async Task<ReviewCycleView> CreateAsync(int year, string ruleSetCode, string actor, CancellationToken cancellationToken)
    {
        RequireRuleSet(ruleSetCode);
        if (await db.ReviewCycles.AnyAsync(c => c.Year == year, cancellationToken))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The year {year} already has a review cycle."));
        }
        var now = clock.GetUtcNow();
        var cycle = new ReviewCycle
        {
            Id = Guid.CreateVersion7(now),
            Year = year,
            RuleSetCode = ruleSetCode,
            CreatedAt = now,
            Deadlines = [.. DeadlineKinds.All.Select(kind => new CycleDeadline { Kind = kind, DueBefore = kind.SeedDefault(year) })],
        };
        db.ReviewCycles.Add(cycle);
        audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleCreated, null,
            string.Create(CultureInfo.InvariantCulture, $"{year} {ruleSetCode}"), null));
        await db.SaveChangesAsync(cancellationToken);
        return ToView(cycle);
    }

    public async Task<ReviewCycleView> OpenAsync(
        int year, string ruleSetCode, IReadOnlyDictionary<DeadlineKind, DateOnly> deadlines, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        RequireRuleSet(ruleSetCode);
        var now = clock.GetUtcNow();
        var cycle = db.ReviewCycles.Local.SingleOrDefault(c => c.Year == year)
            ?? await Cycles().SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        if (cycle is null)
        {
            cycle = new ReviewCycle
            {
                Id = Guid.CreateVersion7(now),
                Year = year,
                RuleSetCode = ruleSetCode,
                CreatedAt = now,
                Deadlines = [.. DeadlineKinds.All.Select(kind => new CycleDeadline
                {
                    Kind = kind,
                    DueBefore = deadlines.TryGetValue(kind, out var date) ? date : kind.SeedDefault(year),
                })],
            };
            db.ReviewCycles.Add(cycle);
            audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleCreated, null,
                string.Create(CultureInfo.InvariantCulture, $"{year} {ruleSetCode}"), null));
        }
        else
        {
            if (cycle.RuleSetCode != ruleSetCode)
            {
                audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleRuleSet,
                    cycle.RuleSetCode, ruleSetCode, AuditFields.CycleOpened));
                cycle.RuleSetCode = ruleSetCode;
            }
            foreach (var (kind, dueBefore) in deadlines.OrderBy(d => d.Key))
            {
                var deadline = cycle.Deadlines.SingleOrDefault(d => d.Kind == kind);
                if (deadline?.DueBefore == dueBefore)
                {
                    continue;
                }
                audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleDeadline(kind),
                    Format(deadline?.DueBefore), Format(dueBefore), AuditFields.CycleOpened));
                if (deadline is null)
                {
                    cycle.Deadlines.Add(new CycleDeadline { CycleId = cycle.Id, Kind = kind, DueBefore = dueBefore });
                }
                else
                {
                    deadline.DueBefore = dueBefore;
                }
            }
        }
        if (cycle.OpenedAt is null)
        {
            cycle.OpenedAt = now;
            cycle.OpenedBy = actor;
            audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleOpened, null,
                string.Create(CultureInfo.InvariantCulture, $"{now:O}"), null));
        }
        return ToView(cycle);
    }

    public async Task<ReviewCycleView?> FindCurrentAsync(CancellationToken cancellationToken)
    {
        var cycle = await Cycles().AsNoTracking()
            .Where(c => c.OpenedAt != null)
            .OrderByDescending(c => c.Year)
            .FirstOrDefaultAsync(cancellationToken);
        return cycle is null ? null : ToView(cycle);
    }

    public async Task<ReviewCycleView?> FindAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        var cycle = await Cycles().AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        return cycle is null ? null : ToView(cycle);
    }

    public async Task<ReviewCycleView?> FindByYearAsync(int year, CancellationToken cancellationToken)
    {
        var cycle = await Cycles().AsNoTracking().SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        return cycle is null ? null : ToView(cycle);
    }

    public async Task<bool> SetRuleSetAsync(Guid cycleId, string ruleSetCode, string actor, string reason, CancellationToken cancellationToken)
    {
        RequireRuleSet(ruleSetCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var cycle = await LoadAsync(cycleId, cancellationToken);
        if (cycle.RuleSetCode == ruleSetCode)
        {
            return false;
        }
        audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleRuleSet, cycle.RuleSetCode, ruleSetCode, reason));
        cycle.RuleSetCode = ruleSetCode;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetDeadlineAsync(Guid cycleId, DeadlineKind kind, DateOnly dueBefore, string actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var cycle = await LoadAsync(cycleId, cancellationToken);
        var deadline = cycle.Deadlines.SingleOrDefault(d => d.Kind == kind);
        if (deadline?.DueBefore == dueBefore)
        {
            return false;
        }
        audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleDeadline(kind),
            Format(deadline?.DueBefore), Format(dueBefore), reason));
        if (deadline is null)
        {
            cycle.Deadlines.Add(new CycleDeadline { CycleId = cycle.Id, Kind = kind, DueBefore = dueBefore });
        }
        else
        {
            deadline.DueBefore = dueBefore;
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetCommitteeDeadlineAsync(
        Guid cycleId, Guid organisationId, DeadlineKind kind, DateOnly? dueBefore, string actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var cycle = await LoadAsync(cycleId, cancellationToken);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            throw new KeyNotFoundException($"No organisation {organisationId}.");
        }
        var existing = cycle.CommitteeDeadlines.SingleOrDefault(d => d.OrganisationId == organisationId && d.Kind == kind);
        if (existing?.DueBefore == dueBefore)
        {
            return false;
        }
        audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CommitteeDeadline(kind),
            Format(existing?.DueBefore), Format(dueBefore), reason) { OrganisationId = organisationId });
        if (dueBefore is not { } date)
        {
            cycle.CommitteeDeadlines.Remove(existing!);
        }
        else if (existing is null)
        {
            cycle.CommitteeDeadlines.Add(new CommitteeDeadline { CycleId = cycle.Id, OrganisationId = organisationId, Kind = kind, DueBefore = date });
        }
        else
        {
            existing.DueBefore = date;
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetCalendarOverridesAsync(
        Guid cycleId, IReadOnlyList<CalendarOverride> overrides, string actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var cycle = await LoadAsync(cycleId, cancellationToken);
        var wanted = new Dictionary<DateOnly, CalendarOverride>();
        foreach (var calendarOverride in overrides)
        {
            wanted[calendarOverride.Date] = calendarOverride with { Note = string.IsNullOrWhiteSpace(calendarOverride.Note) ? null : calendarOverride.Note.Trim() };
        }
        var before = FormatCalendar(cycle.CalendarDays.Select(d => d.ToOverride()));
        var after = FormatCalendar(wanted.Values);
        if (before == after)
        {
            return false;
        }
        audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleCalendar, before, after, reason));
        foreach (var day in cycle.CalendarDays.Where(d => !wanted.ContainsKey(d.Date)).ToList())
        {
            cycle.CalendarDays.Remove(day);
        }
        foreach (var calendarOverride in wanted.Values)
        {
            var day = cycle.CalendarDays.SingleOrDefault(d => d.Date == calendarOverride.Date);
            if (day is null)
            {
                cycle.CalendarDays.Add(new CycleCalendarDay { CycleId = cycle.Id, Date = calendarOverride.Date });
                day = cycle.CalendarDays[^1];
            }
            day.Kind = calendarOverride.Kind;
            day.Note = calendarOverride.Note;
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetReminderSettingsAsync(
        Guid cycleId, IReadOnlyList<int> offsets, TimeOnly time, string actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (ReminderSettings.ValidateOffsets(offsets) is { } problem)
        {
            throw new ArgumentException(problem, nameof(offsets));
        }
        if (!ReminderSettings.IsValidTime(time))
        {
            throw new ArgumentException("Reminders go out between 07:30 and 20:00.", nameof(time));
        }
        var cycle = db.ReviewCycles.Local.SingleOrDefault(c => c.Id == cycleId)
            ?? await db.ReviewCycles.SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new KeyNotFoundException($"No review cycle {cycleId}.");
        var storedOffsets = ReminderSettings.FormatOffsets(offsets);
        var changed = false;
        if (cycle.ReminderOffsets != storedOffsets)
        {
            audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleReminderOffsets,
                cycle.ReminderOffsets, storedOffsets, reason));
            cycle.ReminderOffsets = storedOffsets;
            changed = true;
        }
        if (cycle.ReminderTime != time)
        {
            audit.Record(new AuditChange(actor, AuditSubjectKind.CycleSettings, cycle.Id, AuditFields.CycleReminderTime,
                FormatTime(cycle.ReminderTime), FormatTime(time), reason));
            cycle.ReminderTime = time;
            changed = true;
        }
        return changed;
    }

    public async Task<ResolvedDeadline> ResolveDeadlineAsync(Guid cycleId, Guid organisationId, DeadlineKind kind, CancellationToken cancellationToken)
    {
        var cycle = await Cycles().AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new KeyNotFoundException($"No review cycle {cycleId}.");
        var own = cycle.CommitteeDeadlines.Where(d => d.Kind == kind).ToDictionary(d => d.OrganisationId, d => d.DueBefore);
        if (own.Count > 0)
        {
            var visited = new HashSet<Guid>();
            Guid? current = organisationId;
            while (current is { } id && visited.Add(id))
            {
                if (own.TryGetValue(id, out var date))
                {
                    return new ResolvedDeadline(kind, date, id);
                }
                current = await db.Organisations.Where(o => o.Id == id).Select(o => o.ParentId).SingleOrDefaultAsync(cancellationToken);
            }
        }
        return new ResolvedDeadline(kind, new DeadlineResolver(cycle, _ => null).CycleWide(kind), null);
    }

    public async Task<WorkingCalendar> GetWorkingCalendarAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        var days = await db.CycleCalendarDays.AsNoTracking()
            .Where(d => d.CycleId == cycleId)
            .OrderBy(d => d.Date)
            .ToListAsync(cancellationToken);
        return WorkingCalendar.VietnamStateSector.WithOverrides(days.Select(d => d.ToOverride()));
    }

    public async Task<IRuleSet> GetRuleSetAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        var code = await db.ReviewCycles.Where(c => c.Id == cycleId).Select(c => c.RuleSetCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new KeyNotFoundException($"No review cycle {cycleId}.");
        return RuleSetCatalog.TryGet(code, out var ruleSet)
            ? ruleSet
            : throw new InvalidOperationException($"The review cycle {cycleId} names the unknown rule set '{code}'.");
    }

    private IQueryable<ReviewCycle> Cycles() => db.ReviewCycles
        .Include(c => c.Deadlines)
        .Include(c => c.CommitteeDeadlines)
        .Include(c => c.CalendarDays)
        .AsSplitQuery();

    private async Task<ReviewCycle> LoadAsync(Guid cycleId, CancellationToken cancellationToken) =>
        await Cycles().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
        ?? throw new KeyNotFoundException($"No review cycle {cycleId}.");

    private static void RequireRuleSet(string ruleSetCode)
    {
        if (!RuleSetCatalog.TryGet(ruleSetCode, out _))
        {
            throw new ArgumentException($"Unknown rule set '{ruleSetCode}'. Known: {string.Join(", ", RuleSetCatalog.Codes)}.", nameof(ruleSetCode));
        }
    }

    private static ReviewCycleView ToView(ReviewCycle cycle) => new(
        cycle.Id,
        cycle.Year,
        cycle.RuleSetCode,
        // A cycle created before a kind existed has no row for it: it lists the seed's default, as it resolves it.
        DeadlineKinds.All.ToDictionary(kind => kind, new DeadlineResolver(cycle, _ => null).CycleWide),
        [.. cycle.CommitteeDeadlines
            .OrderBy(d => d.OrganisationId)
            .ThenBy(d => d.Kind)
            .Select(d => new CommitteeDeadlineView(d.OrganisationId, d.Kind, d.DueBefore))],
        [.. cycle.CalendarDays.OrderBy(d => d.Date).Select(d => d.ToOverride())])
    {
        OpenedAt = cycle.OpenedAt,
        ReminderOffsets = ReminderSettings.ParseOffsets(cycle.ReminderOffsets),
        ReminderTime = cycle.ReminderTime,
    };

    private static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string? Format(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FormatCalendar(IEnumerable<CalendarOverride> overrides) =>
        string.Join("; ", overrides
            .OrderBy(o => o.Date)
            .Select(o => string.IsNullOrEmpty(o.Note)
                ? string.Create(CultureInfo.InvariantCulture, $"{o.Date:yyyy-MM-dd} {o.Kind}")
                : string.Create(CultureInfo.InvariantCulture, $"{o.Date:yyyy-MM-dd} {o.Kind} {o.Note}")));
}
