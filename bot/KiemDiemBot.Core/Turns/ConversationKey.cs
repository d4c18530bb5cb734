namespace KiemDiemBot.Core.Turns;

/// <summary>A conversation on a channel: the unit whose turns run one at a time, in arrival order.</summary>
public readonly record struct ConversationKey(string ChannelId, string ConversationId);
