namespace KiemDiemBot.Core.Reminders;

/// <summary>
/// A secretary pauses and resumes a member's automatic reminders for a cycle (on leave; the secretary enters the
/// self-review for them). Changes are staged and audited; the turn commits them.
/// </summary>
public interface IReminderPauses
{
    /// <summary>The members of <paramref name="memberIds"/> whose reminders are paused in the cycle.</summary>
    Task<IReadOnlySet<Guid>> FindPausedAsync(Guid cycleId, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);

    /// <summary>Pauses or resumes; false when it already was so.</summary>
    Task<bool> SetPausedAsync(Guid cycleId, Guid memberId, bool paused, Guid secretaryMemberId, CancellationToken cancellationToken);
}
