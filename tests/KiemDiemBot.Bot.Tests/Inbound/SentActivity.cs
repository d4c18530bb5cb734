using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>One call the bot made to the Connector: where it wrote, in reply to what, and what.</summary>
public sealed record SentActivity(string ServiceUrl, string ConversationId, string? ReplyToActivityId, Activity Activity);
