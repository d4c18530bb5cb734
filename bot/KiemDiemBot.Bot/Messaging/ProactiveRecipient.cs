namespace KiemDiemBot.Bot.Messaging;

/// <summary>
/// A user the bot writes to first. Teams needs the user's <c>29:</c> id (not an email or UPN) and the tenant;
/// the bot's app must already be installed for the user (PROTOCOL.md 3.3).
/// </summary>
/// <param name="BotId">The bot's channel account id (<c>28:&lt;appId&gt;</c> on Teams); optional for 1:1 chats.</param>
public sealed record ProactiveRecipient(
    string ChannelId,
    string ServiceUrl,
    string TenantId,
    string UserId,
    string? UserAadObjectId = null,
    string? BotId = null);
