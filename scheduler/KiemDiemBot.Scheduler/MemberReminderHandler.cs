using KiemDiemBot.Core.Reminders;

namespace KiemDiemBot.Scheduler;

/// <summary>N working days before the cell's meeting (or its due day while no meeting is set): each member not done is reminded.</summary>
public sealed class MemberReminderHandler(MemberReminderStager stager) : IOccasionHandler
{
    public OccasionKind Kind => OccasionKind.MemberReminder;

    public Task<int> StageAsync(PlannedOccasion occasion, CancellationToken cancellationToken) =>
        stager.StageAsync(occasion, overdue: false, cancellationToken);
}
