using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>A short apology for a message no flow understood, with a button to the commands.</summary>
public static class NotUnderstoodCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(NotUnderstoodCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Paragraph(MemberNames.Format(
                input.MemberName, CardStrings.NotUnderstoodMessageNamed, CardStrings.NotUnderstoodMessage)),
            CardElements.Paragraph(CardStrings.NotUnderstoodHint));
        var actions = new JsonArray(
            CardActions.Submit(CardStrings.ShowHelpButton, CardVerbs.ShowHelp, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
