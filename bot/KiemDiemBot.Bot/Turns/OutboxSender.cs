using System.Net;
using System.Text.Json;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Turns;

namespace KiemDiemBot.Bot.Turns;

/// <summary>What became of one send attempt.</summary>
public enum SendOutcome
{
    Sent,
    NotPending,

    /// <summary>The conversation refuses writes (uninstalled, blocked): recorded, nothing sent.</summary>
    Blocked,
}

/// <summary>
/// Sends one outbox row through the Connector and records that it was sent; a 403 MessageWritesBlocked (in a
/// turn's reply as for a proactive message) marks the conversation blocked. Other failures propagate to the
/// caller, which records the attempt.
/// </summary>
public sealed class OutboxSender(ITurnOutbox outbox, IConversationReferenceStore references, IConnectorClient connector)
{
    public async Task<SendOutcome> SendAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await outbox.LoadPendingAsync(deliveryId, cancellationToken).ConfigureAwait(false);
        if (delivery is null)
        {
            return SendOutcome.NotPending;
        }
        var conversation = delivery.Conversation;
        if (await references.IsWritesBlockedAsync(conversation.ChannelId, conversation.ConversationId, cancellationToken).ConfigureAwait(false))
        {
            await outbox.MarkBlockedAsync(conversation, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Blocked;
        }
        return await SendLoadedAsync(delivery, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a reply whose turn has just committed it, without reading it back: that same commit refreshed the
    /// conversation reference and lifted any block on the conversation (a 403 since is handled as usual).
    /// </summary>
    public Task<SendOutcome> SendCommittedAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return SendLoadedAsync(delivery, cancellationToken);
    }

    private async Task<SendOutcome> SendLoadedAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        var conversation = delivery.Conversation;
        var deliveryId = delivery.Id;
        var activity = JsonSerializer.Deserialize<Activity>(delivery.Payload, ProtocolJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {deliveryId} is not an activity.");
        ResourceResponse sent;
        try
        {
            sent = delivery.Operation switch
            {
                OutboundOperation.Reply => await connector.ReplyToActivityAsync(delivery.ServiceUrl, conversation.ConversationId, delivery.TargetActivityId!, activity, cancellationToken).ConfigureAwait(false),
                OutboundOperation.Update => await connector.UpdateActivityAsync(delivery.ServiceUrl, conversation.ConversationId, delivery.TargetActivityId!, activity, cancellationToken).ConfigureAwait(false),
                _ => await connector.SendToConversationAsync(delivery.ServiceUrl, conversation.ConversationId, activity, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (ConnectorException exception) when (exception.IsMessageWritesBlocked)
        {
            await references.MarkWritesBlockedAsync(conversation.ChannelId, conversation.ConversationId, CancellationToken.None).ConfigureAwait(false);
            await outbox.MarkBlockedAsync(conversation, CancellationToken.None).ConfigureAwait(false);
            return SendOutcome.Blocked;
        }
        // Sent: record it even if the deadline has just passed, or it would be sent again.
        await outbox.MarkSentAsync(deliveryId, sent.Id, CancellationToken.None).ConfigureAwait(false);
        return SendOutcome.Sent;
    }

    /// <summary>Failures that another attempt cannot fix: the Connector refused the request itself (4xx other than 408, 412, 429).</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is ConnectorException { StatusCode: var status }
        && (int)status is >= 400 and < 500
        && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests);
}
