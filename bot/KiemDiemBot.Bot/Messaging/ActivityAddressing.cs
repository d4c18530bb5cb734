using System.Text.Json;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Conversations;

namespace KiemDiemBot.Bot.Messaging;

/// <summary>Addresses a copy of an outgoing activity to a stored conversation, as a proactive send does.</summary>
internal static class ActivityAddressing
{
    public static Activity AddressTo(Activity template, StoredConversationReference conversation)
    {
        // A deep copy through the wire format keeps every field, including unknown ones,
        // and leaves the caller's activity untouched for the next recipient of a fan-out.
        var copy = JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(template, ProtocolJson.Options), ProtocolJson.Options)!;
        copy.Type ??= ActivityTypes.Message;
        copy.ChannelId ??= conversation.ChannelId;
        copy.Conversation ??= new ConversationAccount
        {
            Id = conversation.ConversationId,
            TenantId = conversation.TenantId,
            ConversationType = conversation.ConversationType,
        };
        copy.Recipient ??= new ChannelAccount { Id = conversation.UserId, AadObjectId = conversation.UserAadObjectId };
        if (copy.From is null && conversation.BotId is not null)
        {
            copy.From = new ChannelAccount { Id = conversation.BotId };
        }
        copy.Locale ??= conversation.Locale;
        return copy;
    }
}
