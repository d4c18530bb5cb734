using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reviews;

namespace KiemDiemBot.Core.Reminders;

/// <summary>A member to remind: their self-review is not submitted, and their reminders are not paused.</summary>
public sealed record ReminderRecipient(Guid MemberId, string FullName, SelfReviewStatus Status);

/// <summary>Who an occasion's messages go to, and what they say is missing, read when the occasion runs.</summary>
public interface IReminderAudience
{
    /// <summary>The cell's members reviewed this cycle whose self-review is not submitted and whose reminders are not paused, in roster order.</summary>
    Task<IReadOnlyList<ReminderRecipient>> MembersToRemindAsync(Guid cycleId, Guid cellId, CancellationToken cancellationToken);

    /// <summary>The organisation's secretary (and deputy secretaries), by member id; empty when the post is vacant.</summary>
    Task<IReadOnlyList<Guid>> SecretariesAsync(Guid organisationId, CancellationToken cancellationToken);

    /// <summary>What the organisation still lacks for the deadline, one Vietnamese line each; empty when nothing is missing.</summary>
    Task<IReadOnlyList<string>> MissingForDeadlineAsync(Guid cycleId, Guid organisationId, DeadlineKind kind, CancellationToken cancellationToken);
}
