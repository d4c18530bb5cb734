using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The only answer to someone who is on no roster: the bot does not know them, and whom to ask to be
/// added. Its button asks again (the help verb), which shows the commands once they are on the roster.
/// </summary>
public static class NotOnRosterCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(NotOnRosterCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contact = string.IsNullOrWhiteSpace(input.RosterContact)
            ? CardStrings.NotOnRosterContactUnknown
            : string.Format(CultureInfo.CurrentCulture, CardStrings.NotOnRosterContact, input.RosterContact.Trim());
        var body = new JsonArray(
            CardElements.Title(MemberNames.Format(
                input.PersonName, CardStrings.NotOnRosterGreetingNamed, CardStrings.NotOnRosterGreeting)),
            CardElements.Paragraph(CardStrings.NotOnRosterMessage),
            CardElements.Paragraph(contact),
            CardElements.Note(CardStrings.NotOnRosterHint));
        var actions = new JsonArray(
            CardActions.Submit(CardStrings.NotOnRosterRetryButton, CardVerbs.ShowHelp, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
