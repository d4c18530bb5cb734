using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Conversations;

namespace KiemDiemBot.Bot.Messaging;

internal sealed class ConversationMessenger(
    IConnectorClient connector,
    IConversationReferenceStore references,
    ILogger<ConversationMessenger> logger) : IConversationMessenger
{
    public Task<DeliveryResult> SendAsync(StoredConversationReference conversation, Activity activity, CancellationToken cancellationToken) =>
        WriteAsync(
            conversation,
            ct => connector.SendToConversationAsync(conversation.ServiceUrl, conversation.ConversationId, ActivityAddressing.AddressTo(activity, conversation), ct),
            cancellationToken);

    public Task<DeliveryResult> UpdateAsync(StoredConversationReference conversation, string activityId, Activity activity, CancellationToken cancellationToken) =>
        WriteAsync(
            conversation,
            ct => connector.UpdateActivityAsync(conversation.ServiceUrl, conversation.ConversationId, activityId, ActivityAddressing.AddressTo(activity, conversation), ct),
            cancellationToken);

    public async Task<DeliveryResult> SendToUserAsync(ProactiveRecipient recipient, Activity activity, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = recipient.BotId is null ? null : new ChannelAccount { Id = recipient.BotId },
            Members = [new ChannelAccount { Id = recipient.UserId }],
            TenantId = recipient.TenantId,
        };
        var created = await connector.CreateConversationAsync(recipient.ServiceUrl, parameters, cancellationToken);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new InvalidOperationException("The Bot Connector created a conversation without an id.");
        }

        var conversation = await references.FindAsync(recipient.ChannelId, created.Id, recipient.UserId, cancellationToken);
        if (conversation is null)
        {
            conversation = new StoredConversationReference(
                recipient.ChannelId,
                created.Id,
                recipient.UserId,
                recipient.UserAadObjectId,
                recipient.BotId,
                created.ServiceUrl ?? recipient.ServiceUrl,
                recipient.TenantId,
                ConversationTypes.Personal,
                Locale: null);
            await references.UpsertNowAsync(conversation, cancellationToken);
            MessagingLog.PersonalConversationStored(logger, recipient.ChannelId, created.Id);
        }
        return await SendAsync(conversation, activity, cancellationToken);
    }

    private async Task<DeliveryResult> WriteAsync(
        StoredConversationReference conversation,
        Func<CancellationToken, Task<ResourceResponse>> write,
        CancellationToken cancellationToken)
    {
        if (await references.IsWritesBlockedAsync(conversation.ChannelId, conversation.ConversationId, cancellationToken))
        {
            MessagingLog.SkippedBlocked(logger, conversation.ChannelId, conversation.ConversationId);
            return new DeliveryResult(DeliveryOutcome.SkippedBlocked, conversation.ConversationId, ActivityId: null);
        }
        try
        {
            var response = await write(cancellationToken);
            return new DeliveryResult(DeliveryOutcome.Sent, conversation.ConversationId, response.Id);
        }
        catch (ConnectorException e) when (e.IsMessageWritesBlocked)
        {
            await references.MarkWritesBlockedAsync(conversation.ChannelId, conversation.ConversationId, cancellationToken);
            MessagingLog.MarkedBlocked(logger, conversation.ChannelId, conversation.ConversationId);
            return new DeliveryResult(DeliveryOutcome.WritesBlocked, conversation.ConversationId, ActivityId: null);
        }
    }
}
