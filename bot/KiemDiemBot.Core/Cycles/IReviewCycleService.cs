using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Cycles;

/// <summary>
/// Review cycles and their settings. Every change of a setting is recorded in the audit log with
/// who made it and why; a change to the value already in force records nothing and answers false.
/// </summary>
public interface IReviewCycleService
{
    /// <summary>Creates the cycle of <paramref name="year"/> with the seed's default deadlines and no calendar overrides.</summary>
    /// <exception cref="ArgumentException">The rule set is unknown.</exception>
    /// <exception cref="InvalidOperationException">The year already has a cycle.</exception>
    Task<ReviewCycleView> CreateAsync(int year, string ruleSetCode, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the year's cycle to members (mở đợt kiểm điểm): creates it when missing (the seed's deadlines for
    /// kinds not given), sets the rule set and the given deadlines, and marks it open. Staged and audited; the
    /// caller commits. Opening an open cycle again only applies the changes.
    /// </summary>
    /// <exception cref="ArgumentException">The rule set is unknown.</exception>
    Task<ReviewCycleView> OpenAsync(
        int year, string ruleSetCode, IReadOnlyDictionary<DeadlineKind, DateOnly> deadlines, string actor, CancellationToken cancellationToken);

    /// <summary>The open cycle of the highest year, or null when no cycle is open.</summary>
    Task<ReviewCycleView?> FindCurrentAsync(CancellationToken cancellationToken);

    Task<ReviewCycleView?> FindAsync(Guid cycleId, CancellationToken cancellationToken);

    Task<ReviewCycleView?> FindByYearAsync(int year, CancellationToken cancellationToken);

    /// <exception cref="ArgumentException">The rule set is unknown or the reason is empty.</exception>
    Task<bool> SetRuleSetAsync(Guid cycleId, string ruleSetCode, string actor, string reason, CancellationToken cancellationToken);

    /// <summary>Sets a cycle-wide deadline.</summary>
    Task<bool> SetDeadlineAsync(Guid cycleId, DeadlineKind kind, DateOnly dueBefore, string actor, string reason, CancellationToken cancellationToken);

    /// <summary>Sets (or with null, removes) a committee's own date for a deadline, binding it and the organisations under it.</summary>
    Task<bool> SetCommitteeDeadlineAsync(
        Guid cycleId, Guid organisationId, DeadlineKind kind, DateOnly? dueBefore, string actor, string reason, CancellationToken cancellationToken);

    /// <summary>Replaces the cycle's calendar overrides; for one date the last in the list wins.</summary>
    Task<bool> SetCalendarOverridesAsync(
        Guid cycleId, IReadOnlyList<CalendarOverride> overrides, string actor, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the working-day offsets and the local time of the cycle's automatic reminders (staged and audited; the
    /// caller commits). False when both already were so.
    /// </summary>
    /// <exception cref="ArgumentException">The offsets are not distinct whole numbers from 1 to 20, the time lies outside 07:30 to 20:00, or the reason is empty.</exception>
    Task<bool> SetReminderSettingsAsync(
        Guid cycleId, IReadOnlyList<int> offsets, TimeOnly time, string actor, string reason, CancellationToken cancellationToken);

    /// <summary>The date that binds <paramref name="organisationId"/>: its own, else the nearest committee above's, else the cycle's.</summary>
    Task<ResolvedDeadline> ResolveDeadlineAsync(Guid cycleId, Guid organisationId, DeadlineKind kind, CancellationToken cancellationToken);

    /// <summary>The working-day calendar of the cycle: the shipped table with the cycle's overrides.</summary>
    Task<WorkingCalendar> GetWorkingCalendarAsync(Guid cycleId, CancellationToken cancellationToken);

    /// <summary>The cycle's rule set.</summary>
    Task<IRuleSet> GetRuleSetAsync(Guid cycleId, CancellationToken cancellationToken);
}
