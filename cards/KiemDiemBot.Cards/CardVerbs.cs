namespace KiemDiemBot.Cards;

/// <summary>The verbs card buttons carry in their Action.Submit data; the router dispatches on them.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "help.show";
    public const string ShowAbout = "about.show";
}
