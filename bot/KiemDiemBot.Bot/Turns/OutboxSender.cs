using System.Globalization;
using System.Net;
using System.Text.Json;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Telemetry;
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

    /// <summary>
    /// A proactive message put back for later without counting an attempt: no send slot was free soon enough, or the
    /// Connector throttled it (429).
    /// </summary>
    Deferred,
}

/// <summary>
/// Sends one outbox row through the Connector and records that it was sent; a 403 MessageWritesBlocked (in a
/// turn's reply as for a proactive message) marks the conversation blocked, and so do 403 and 404 answers to a
/// member's personal message (the app is not installed for them, PROTOCOL.md 3.4, 3.5). Proactive messages (rows no
/// inbound activity waits for) are paced by <see cref="ProactiveSendPacer"/> and make one request per send slot.
/// Turn replies are not paced: the member is waiting for them, and they are few; they still count towards the
/// tenant, since a 429 on them pauses every proactive send (<see cref="ConnectorThrottleHandler"/>). A member delivery
/// carried by the row follows its outcome in the same transaction. Other failures propagate to the caller, which
/// records the attempt.
/// </summary>
public sealed class OutboxSender(
    ITurnOutbox outbox,
    IConversationReferenceStore references,
    IConnectorClient connector,
    ISendRateGate gate,
    ProactiveSendPacer pacer,
    ConnectorRetryOptions retry,
    TimeProvider clock)
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
            KiemDiemTelemetry.DeliveryBlocked(null, delivery.Operation.ToString(), delivery.InboundActivityId is null, errorCode: null);
            return SendOutcome.Blocked;
        }
        if (delivery.InboundActivityId is not null)
        {
            return await SendLoadedAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
        var counted = delivery.Operation != OutboundOperation.Update;
        if (await pacer.WaitForSlotAsync(conversation, counted, gate, cancellationToken).ConfigureAwait(false) is { } comeBackAfter)
        {
            await outbox.RescheduleAsync(delivery.Id, clock.GetUtcNow() + comeBackAfter, delivery.MemberDeliveryId, error: null, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Deferred;
        }
        using (ConnectorAttempts.SingleAttempt())
        {
            try
            {
                return await SendLoadedAsync(delivery, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException exception) when (exception.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The tenant is paused already (ConnectorThrottleHandler); come back when the pause ends. Not the
                // message's fault, so not an attempt of the row; the delivery counts the request that was made.
                var until = clock.GetUtcNow() + (exception.RetryAfter ?? retry.BaseDelay);
                await outbox.RescheduleAsync(delivery.Id, until, delivery.MemberDeliveryId, ErrorCode(exception), CancellationToken.None).ConfigureAwait(false);
                return SendOutcome.Deferred;
            }
        }
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

    /// <summary>A short technical code for a failed send, kept as a delivery's last error: never text or personal data.</summary>
    public static string ErrorCode(Exception exception) => exception switch
    {
        ConnectorException { StatusCode: HttpStatusCode.Forbidden, SubCode: { Length: > 0 and <= 64 } subCode } => subCode,
        ConnectorException connector => ((int)connector.StatusCode).ToString(CultureInfo.InvariantCulture),
        TimeoutException => "Timeout",
        HttpRequestException => "NetworkError",
        OperationCanceledException => "Deadline",
        _ => exception.GetType().Name,
    };

    private async Task<SendOutcome> SendLoadedAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        var conversation = delivery.Conversation;
        var deliveryId = delivery.Id;
        var operation = delivery.Operation.ToString();
        var proactive = delivery.InboundActivityId is null;
        using var trace = KiemDiemTelemetry.StartDelivery(deliveryId, operation, proactive);
        var activity = JsonSerializer.Deserialize<Activity>(delivery.Payload, ProtocolJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {deliveryId} is not an activity.");
        ResourceResponse sent;
        if (delivery.Operation != OutboundOperation.Update)
        {
            pacer.Sent(conversation);
        }
        try
        {
            sent = delivery.Operation switch
            {
                OutboundOperation.Reply => await connector.ReplyToActivityAsync(delivery.ServiceUrl, conversation.ConversationId, delivery.TargetActivityId!, activity, cancellationToken).ConfigureAwait(false),
                OutboundOperation.Update => await connector.UpdateActivityAsync(delivery.ServiceUrl, conversation.ConversationId, delivery.TargetActivityId!, activity, cancellationToken).ConfigureAwait(false),
                _ => await connector.SendToConversationAsync(delivery.ServiceUrl, conversation.ConversationId, activity, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (ConnectorException exception) when (exception.IsMessageWritesBlocked || IsNotInstalled(delivery, exception))
        {
            await references.MarkWritesBlockedAsync(conversation.ChannelId, conversation.ConversationId, CancellationToken.None).ConfigureAwait(false);
            await outbox.MarkBlockedAsync(conversation, new RefusedSend(deliveryId, delivery.MemberDeliveryId, ErrorCode(exception)), CancellationToken.None).ConfigureAwait(false);
            KiemDiemTelemetry.DeliveryBlocked(trace, operation, proactive, ErrorCode(exception));
            return SendOutcome.Blocked;
        }
        catch (Exception exception) when (KiemDiemTelemetry.DeliveryFailed(trace, operation, proactive, ErrorCode(exception)))
        {
            // Never reached: the filter counts the failed attempt and lets the exception go on to the caller.
            throw;
        }
        // Sent: record it even if the deadline has just passed, or it would be sent again.
        await outbox.MarkSentAsync(deliveryId, sent.Id, delivery.MemberDeliveryId, CancellationToken.None).ConfigureAwait(false);
        KiemDiemTelemetry.DeliverySent(operation, proactive);
        return SendOutcome.Sent;
    }

    /// <summary>
    /// A member's personal message refused with 403 (no MessageWritesBlocked subCode) or 404: the app is not
    /// installed for them, or their chat is gone. Only rows carrying a member delivery are personal messages by
    /// construction; a 404 elsewhere (an update of a deleted card) means something else.
    /// </summary>
    private static bool IsNotInstalled(PendingDelivery delivery, ConnectorException exception) =>
        delivery.MemberDeliveryId is not null
        && delivery.Operation == OutboundOperation.Send
        && exception.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    /// <summary>Failures that another attempt cannot fix: the Connector refused the request itself (4xx other than 408, 412, 429).</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is ConnectorException { StatusCode: var status }
        && (int)status is >= 400 and < 500
        && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests);
}
