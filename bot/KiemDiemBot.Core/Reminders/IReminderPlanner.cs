namespace KiemDiemBot.Core.Reminders;

/// <summary>
/// The reminders and circulations the bot sends by itself, computed from the domain every time it is asked: the open
/// cycles' deadlines and reminder settings, the meetings (moved or cancelled), the working-day calendar with the
/// cycle's overrides. Nothing is scheduled ahead, so a restart, a restored database, a moved meeting or a changed
/// holiday table can neither lose nor double an occasion; the ledger of occasions run keeps each one to once.
/// </summary>
public interface IReminderPlanner
{
    /// <summary>
    /// The occasions due between <paramref name="from"/> and <paramref name="to"/> for the organisation and those under
    /// it (null: everywhere), in time order, including those already run (<see cref="PlanEntry.RunAt"/>).
    /// </summary>
    Task<IReadOnlyList<PlanEntry>> PlanAsync(Guid? organisationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// The occasions to run at <paramref name="now"/>: due, not run, still ahead of their target, and only when
    /// <paramref name="now"/> lies in the quiet window (07:30 to 20:00) of a working day; of a series missed while the
    /// bot was down, only the latest.
    /// </summary>
    Task<IReadOnlyList<PlannedOccasion>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stages the ledger row that marks the occasion run (with how many messages it staged) for the caller's commit; a second mark changes nothing.</summary>
    void MarkRun(PlannedOccasion occasion, int staged);
}

/// <summary>An occasion of the plan and, once it ran, when.</summary>
public sealed record PlanEntry(PlannedOccasion Occasion, DateTimeOffset? RunAt);
