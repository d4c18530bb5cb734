using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Conversations;

namespace KiemDiemBot.Bot.Turns;

/// <summary>Activity -> <see cref="StoredConversationReference"/>, the sender's place in the conversation.</summary>
public static class ConversationReferenceMapper
{
    /// <summary>The reference, or null when the activity lacks the channel, conversation, sender or service URL.</summary>
    public static StoredConversationReference? Map(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId)
            || string.IsNullOrEmpty(activity.Conversation?.Id)
            || string.IsNullOrEmpty(activity.From?.Id)
            || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return null;
        }
        return new StoredConversationReference(
            activity.ChannelId,
            activity.Conversation.Id,
            activity.From.Id,
            activity.From.AadObjectId,
            activity.Recipient?.Id,
            activity.ServiceUrl,
            activity.GetTenantId(),
            activity.Conversation.ConversationType,
            activity.Locale);
    }
}
