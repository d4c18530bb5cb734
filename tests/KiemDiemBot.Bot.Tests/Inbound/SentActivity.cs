using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>One call the bot made to the Connector: where it wrote, in reply to what, and what.</summary>
public sealed record SentActivity(string ServiceUrl, string ConversationId, string? ReplyToActivityId, Activity Activity)
{
    /// <summary>Set when the call replaced an earlier message (PUT) instead of sending a new one.</summary>
    public string? UpdatedActivityId { get; init; }

    /// <summary>The id the Connector gave the activity (for an update, the replaced activity's id).</summary>
    public string? SentId { get; init; }
}
