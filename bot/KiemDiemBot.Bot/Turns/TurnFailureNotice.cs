using System.Text.Json;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Turns;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>
/// Tells a member whose message failed inside the bot that it failed, instead of leaving them waiting:
/// staged in the outbox at most once per turn (a unique key), whichever of the turn or its delivery gave up.
/// </summary>
public sealed class TurnFailureNotice(ITurnOutbox outbox)
{
    /// <summary>Stages the notice for the failed inbound activity (JSON as stored); nothing for activities nobody waits on.</summary>
    public Task StageForInboundAsync(long inboundActivityId, string inboundPayload, CancellationToken cancellationToken)
    {
        var failed = JsonSerializer.Deserialize<Activity>(inboundPayload, ProtocolJson.Options);
        if (failed is null || failed.Type != ActivityTypes.Message || string.IsNullOrEmpty(failed.ServiceUrl) || failed.Conversation?.Id is not { } conversationId)
        {
            return Task.CompletedTask;
        }
        var notice = ReplyActivityFactory.Create(failed, DialogReply.FromCard(TurnFailedCard.Build()));
        return outbox.StageFailureNoticeAsync(
            inboundActivityId,
            new ConversationKey(failed.ChannelId ?? string.Empty, conversationId),
            failed.ServiceUrl,
            failed.Id,
            JsonSerializer.Serialize(notice, ProtocolJson.Options),
            cancellationToken);
    }

    /// <summary>Stages the notice after a reply of that turn could not be delivered; built from the undelivered reply's addressing.</summary>
    public Task StageForUndeliveredAsync(PendingDelivery undelivered, CancellationToken cancellationToken)
    {
        if (undelivered.InboundActivityId is not { } inboundId || undelivered.IsFailureNotice || undelivered.Operation == OutboundOperation.Update)
        {
            return Task.CompletedTask;
        }
        var reply = JsonSerializer.Deserialize<Activity>(undelivered.Payload, ProtocolJson.Options);
        if (reply is null)
        {
            return Task.CompletedTask;
        }
        reply.Text = null;
        reply.Attachments = [Attachment.AdaptiveCard(TurnFailedCard.Build())];
        return outbox.StageFailureNoticeAsync(
            inboundId,
            undelivered.Conversation,
            undelivered.ServiceUrl,
            undelivered.TargetActivityId,
            JsonSerializer.Serialize(reply, ProtocolJson.Options),
            cancellationToken);
    }
}
