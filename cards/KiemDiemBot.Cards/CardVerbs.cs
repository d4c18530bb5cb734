namespace KiemDiemBot.Cards;

/// <summary>The verbs card buttons carry in their Action.Submit data; the router dispatches on them.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "help.show";
    public const string ShowAbout = "about.show";

    /// <summary>An answer on a flow step's card; the data also names the flow, step, state version and owner (see <see cref="FlowCardData"/>).</summary>
    public const string FlowSubmit = "flow.submit";
}
