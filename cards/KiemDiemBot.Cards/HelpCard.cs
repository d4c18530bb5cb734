using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>Lists the commands a member can type, one line each, with a button per command.</summary>
public static class HelpCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(HelpCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Title(CardStrings.HelpTitle),
            CardElements.Paragraph(CardStrings.HelpIntro),
            CardElements.FactSet(
            [
                (CardStrings.HelpCommandHelpName, CardStrings.HelpCommandHelpDescription),
                (CardStrings.HelpCommandAboutName, CardStrings.HelpCommandAboutDescription),
                (SelfReviewTexts.HelpStartName, SelfReviewTexts.HelpStartDescription),
                (SelfReviewTexts.HelpReviewName, SelfReviewTexts.HelpReviewDescription),
                (SelfReviewTexts.HelpSubmitName, SelfReviewTexts.HelpSubmitDescription),
                (SelfReviewTexts.HelpCompleteName, SelfReviewTexts.HelpCompleteDescription),
            ]),
            CardElements.Heading(SecretaryTexts.HelpSecretaryHeading),
            CardElements.FactSet(
            [
                (SecretaryTexts.HelpOpenCycleName, SecretaryTexts.HelpOpenCycleDescription),
                (SecretaryTexts.HelpMeetingDatesName, SecretaryTexts.HelpMeetingDatesDescription),
                (MeetingCardTexts.HelpScheduleName, MeetingCardTexts.HelpScheduleDescription),
                (SecretaryTexts.HelpProgressName, SecretaryTexts.HelpProgressDescription),
                (ReminderScheduleTexts.HelpScheduleName, ReminderScheduleTexts.HelpScheduleDescription),
                (ReminderScheduleTexts.HelpUnreachableName, ReminderScheduleTexts.HelpUnreachableDescription),
            ]),
            CardElements.Heading(BallotCardTexts.HelpBallotHeading),
            CardElements.FactSet(
            [
                (BallotCardTexts.HelpOpenName, BallotCardTexts.HelpOpenDescription),
                (BallotCardTexts.HelpCloseName, BallotCardTexts.HelpCloseDescription),
                (RankingCardTexts.HelpPaperName, RankingCardTexts.HelpPaperDescription),
                (RankingCardTexts.HelpAdoptName, RankingCardTexts.HelpAdoptDescription),
                (RankingCardTexts.HelpReRankName, RankingCardTexts.HelpReRankDescription),
            ]),
            CardElements.Heading(BallotPaperTexts.HelpHeading),
            CardElements.FactSet(
            [
                (BallotPaperTexts.HelpMinutesName, BallotPaperTexts.HelpMinutesDescription),
                (BallotPaperTexts.HelpRankingListName, BallotPaperTexts.HelpRankingListDescription),
            ]));
        if (input.InGroupConversation)
        {
            body.Add(CardElements.Note(CardStrings.HelpGroupHint));
        }
        var actions = new JsonArray(
            CardActions.Submit(SelfReviewTexts.StartButton, CardVerbs.StartSelfReview, step: null, CardVersion),
            CardActions.Submit(CardStrings.HelpButtonHelp, CardVerbs.ShowHelp, step: null, CardVersion),
            CardActions.Submit(CardStrings.HelpButtonAbout, CardVerbs.ShowAbout, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
