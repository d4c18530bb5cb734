using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>The bot's account in the local channel (Teams would use <c>28:&lt;appId&gt;</c>; there is no App ID here).</summary>
public static class LocalBot
{
    public const string Id = "28:kiemdiembot-local";
    public const string Name = "KiemDiemBot";
    public const string BotRole = "bot";

    public static ChannelAccount Account() => new() { Id = Id, Name = Name, Role = BotRole };
}
