using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>Greets a party member and says what KiemDiemBot does for them, with a button to the commands.</summary>
public static class WelcomeCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(WelcomeCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Title(MemberNames.Format(
                input.MemberName, CardStrings.WelcomeGreetingNamed, CardStrings.WelcomeGreeting)),
            CardElements.Paragraph(CardStrings.WelcomeIntro),
            CardElements.Heading(CardStrings.WelcomeTasksHeading),
            CardElements.BulletList(
            [
                CardStrings.WelcomeTaskReminders,
                CardStrings.WelcomeTaskSelfReview,
                CardStrings.WelcomeTaskBallot,
                CardStrings.WelcomeTaskResults,
            ]),
            CardElements.Paragraph(SelfReviewTexts.WelcomeSelfReviewHint),
            CardElements.Note(CardStrings.WelcomeHelpHint));
        var actions = new JsonArray(
            CardActions.Submit(SelfReviewTexts.StartButton, CardVerbs.StartSelfReview, step: null, CardVersion),
            CardActions.Submit(CardStrings.ShowHelpButton, CardVerbs.ShowHelp, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
