using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Conversations;

namespace KiemDiemBot.Bot.Messaging;

/// <summary>
/// How the bot writes to people outside a turn: to a stored conversation, or to a user's 1:1 chat that it
/// creates first. A conversation the user blocked (403 MessageWritesBlocked) is recorded and never written
/// to again until the user writes to the bot. Other Connector failures throw <c>ConnectorException</c>.
/// </summary>
public interface IConversationMessenger
{
    /// <summary>Sends <paramref name="activity"/> (not modified; it can be reused for many conversations).</summary>
    Task<DeliveryResult> SendAsync(StoredConversationReference conversation, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier in that conversation (e.g. a card that was answered).</summary>
    Task<DeliveryResult> UpdateAsync(StoredConversationReference conversation, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Creates (or finds: the call is idempotent) the user's 1:1 chat with the bot, stores its reference when it is
    /// new, then sends <paramref name="activity"/> there.
    /// </summary>
    Task<DeliveryResult> SendToUserAsync(ProactiveRecipient recipient, Activity activity, CancellationToken cancellationToken);
}
