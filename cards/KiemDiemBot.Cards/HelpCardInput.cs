namespace KiemDiemBot.Cards;

/// <summary>
/// What the help card needs: whether it goes to a group chat or channel, where the bot only hears
/// messages that mention it.
/// </summary>
public sealed record HelpCardInput(bool InGroupConversation);
