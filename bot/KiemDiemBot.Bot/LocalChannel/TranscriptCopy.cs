using System.Text.Json;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// What the transcript keeps of an activity a user posted. A card submit (a message with a <c>value</c>)
/// may be a secret ballot's choices, and the transcript is the channel's storage, kept for as long as the
/// conversation: it keeps only a shell of the submit (who, where, when, and Web Chat's own keys, so Web
/// Chat recognises and hides its postBack), never the value or any text. The bot gets the full activity.
/// </summary>
public static class TranscriptCopy
{
    /// <summary>The channelData keys Web Chat sets on what it posts and needs back: none carries card data.</summary>
    private static readonly HashSet<string> WebChatKeys = new(StringComparer.Ordinal)
    {
        "clientActivityID", "clientTimestamp", "postBack", "postback", "messageBack",
    };

    /// <summary>The activity itself, or for a message carrying a value a copy without the value, text or anything else posted.</summary>
    public static Activity Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message || activity.Value is null)
        {
            return activity;
        }
        return new Activity
        {
            Type = activity.Type,
            Id = activity.Id,
            Timestamp = activity.Timestamp,
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            From = activity.From is null ? null : new ChannelAccount { Id = activity.From.Id, Name = activity.From.Name, Role = activity.From.Role },
            Recipient = activity.Recipient,
            Conversation = activity.Conversation,
            ReplyToId = activity.ReplyToId,
            Locale = activity.Locale,
            ChannelData = WebChatChannelData(activity.ChannelData),
        };
    }

    private static TeamsChannelData? WebChatChannelData(TeamsChannelData? posted)
    {
        var kept = posted?.AdditionalProperties?
            .Where(p => WebChatKeys.Contains(p.Key) && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
            .ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal);
        return kept is { Count: > 0 } ? new TeamsChannelData { AdditionalProperties = kept } : null;
    }
}
