using KiemDiemBot.Core.Reminders;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Stages the messages of one kind of occasion (one handler per <see cref="OccasionKind"/>, one file each) in the
/// caller's unit of work, through the member notices, whose deliveries are unique per occasion and member. The tick
/// marks the occasion run and commits; a handler never commits.
/// </summary>
public interface IOccasionHandler
{
    OccasionKind Kind { get; }

    /// <summary>Stages the occasion's messages; answers how many were staged.</summary>
    Task<int> StageAsync(PlannedOccasion occasion, CancellationToken cancellationToken);
}
