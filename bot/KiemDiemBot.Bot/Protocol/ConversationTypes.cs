namespace KiemDiemBot.Bot.Protocol;

/// <summary>The <c>conversation.conversationType</c> values Teams uses.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}
