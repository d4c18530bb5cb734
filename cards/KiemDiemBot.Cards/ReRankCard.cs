using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A flow step ("xếp loại lại"): the decided ranking to change, the new level and the reason, all required; one
/// button. The flow engine stamps the flow data on the button.
/// </summary>
public static class ReRankCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public const string SubjectInputId = "subject";
    public const string LevelInputId = "level";
    public const string ReasonInputId = "reason";

    public static JsonObject Build(ReRankCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Title(RankingCardTexts.ReRankTitle),
            CardElements.Paragraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, RankingCardTexts.ReRankIntro, input.BodyName)));
        foreach (var error in input.Errors)
        {
            body.Add(CardElements.Error(error));
        }
        body.Add(SecretaryCardElements.ChoiceInput(SubjectInputId, RankingCardTexts.ReRankSubjectLabel, null, input.Subjects.Select(s => (s.Title, s.Value))));
        body.Add(SecretaryCardElements.ChoiceInput(LevelInputId, RankingCardTexts.ReRankLevelLabel, null, input.Levels.Select(l => (l.Title, l.Value))));
        var reason = CardElements.TextInput(ReasonInputId, null, RankingCardTexts.ReRankReasonPlaceholder, isMultiline: true);
        reason["label"] = RankingCardTexts.ReRankReasonLabel;
        reason["maxLength"] = input.MaxReasonLength;
        reason["isRequired"] = true;
        reason["errorMessage"] = SecretaryTexts.RequiredInputError;
        body.Add(reason);
        var actions = new JsonArray(CardActions.Submit(RankingCardTexts.ReRankSubmitButton, CardVerbs.FlowSubmit, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
