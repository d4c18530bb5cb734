using System.Text.Json.Nodes;

namespace KiemDiemBot.Core.Notices;

/// <summary>A member the bot cannot write to: no stored personal chat with the bot, or they blocked it.</summary>
public sealed record UnreachableMember(Guid MemberId, string FullName);

/// <summary>What staging one message to many members came to.</summary>
/// <param name="Staged">Members the message goes to (written by the caller's commit, sent after it).</param>
/// <param name="AlreadySent">Reachable members who were given this message before (same dedupe scope): not sent again.</param>
/// <param name="Unreachable">Members the bot cannot write to, by name in Vietnamese order.</param>
public sealed record NoticeFanOut(int Staged, int AlreadySent, IReadOnlyList<UnreachableMember> Unreachable);

/// <summary>
/// Sends one card to many members' personal chats with the bot, through the durable outbox. Each member gets one
/// <see cref="Delivery"/> per dedupe scope (the occasion), unique per (occasion, member) and kept for the cycle: a
/// reachable member (a stored personal conversation that is not blocked) gets an outbox row carrying that delivery; an
/// unreachable one gets an Unreachable delivery and no row, and is staged when the occasion is staged again once they
/// are reachable. Staged as set-based statements for the caller's commit (no entity per member in the change tracker,
/// so ten thousand members cost a few statements). The turn pipeline sends the rows after the commit, with its
/// retries, the shared send-rate limit and its handling of blocked conversations; the delivery follows each row.
/// </summary>
public interface IMemberNotices
{
    /// <summary>
    /// Stages <paramref name="card"/> for every member who takes part in activities and whose official cell is
    /// <paramref name="organisationId"/> or under it (null: every such member).
    /// </summary>
    /// <param name="dedupeScope">What makes the message unique per member, e.g. "cycle-opened:{cycle id}".</param>
    Task<NoticeFanOut> StageToOrganisationAsync(Guid? organisationId, JsonObject card, string dedupeScope, CancellationToken cancellationToken);

    /// <summary>Stages <paramref name="card"/> for each of <paramref name="memberIds"/> (unknown ids are skipped).</summary>
    Task<NoticeFanOut> StageToMembersAsync(IReadOnlyCollection<Guid> memberIds, JsonObject card, string dedupeScope, CancellationToken cancellationToken);
}
