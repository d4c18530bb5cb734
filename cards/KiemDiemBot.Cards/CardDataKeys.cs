namespace KiemDiemBot.Cards;

/// <summary>
/// Keys every Action.Submit data object carries, so that a submit names its handler and a stale card
/// (built by an older version of the bot) is recognised.
/// </summary>
public static class CardDataKeys
{
    public const string Verb = "verb";
    public const string Step = "step";
    public const string CardVersion = "cardVersion";
}
