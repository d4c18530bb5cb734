using KiemDiemBot.Core.Reminders;

namespace KiemDiemBot.Scheduler;

/// <summary>The first working day after the cell's due day: each member still not done is told, once, that it has passed.</summary>
public sealed class OverdueReminderHandler(MemberReminderStager stager) : IOccasionHandler
{
    public OccasionKind Kind => OccasionKind.OverdueReminder;

    public Task<int> StageAsync(PlannedOccasion occasion, CancellationToken cancellationToken) =>
        stager.StageAsync(occasion, overdue: true, cancellationToken);
}
