using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>Activity -> <see cref="DialogTurn"/>: what a dialog sees of a turn, without the wire format.</summary>
public static class DialogTurnMapper
{
    /// <summary>The turn, or null when the activity does not say who wrote where.</summary>
    public static DialogTurn? Map(Activity activity)
    {
        var conversation = activity.Conversation;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(conversation?.Id) || string.IsNullOrEmpty(activity.From?.Id))
        {
            return null;
        }
        var isGroup = conversation.IsGroup
            ?? (conversation.ConversationType is { } type && !string.Equals(type, ConversationTypes.Personal, StringComparison.Ordinal));
        return new DialogTurn(
            activity.ChannelId,
            conversation.Id,
            isGroup,
            activity.From.Id,
            activity.From.Name,
            BotMentions.StripFrom(activity),
            activity.Value as JsonObject)
        {
            ActivityId = activity.Id,
            ReplyToId = activity.ReplyToId,
            ConversationName = conversation.Name,
        };
    }
}
