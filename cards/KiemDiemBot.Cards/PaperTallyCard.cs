using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A flow step ("phiếu giấy"): the number of paper ballots and a number box per subject and level (or agree and
/// disagree), side by side; one button records them all. The flow engine stamps the flow data on the button.
/// </summary>
public static class PaperTallyCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    /// <summary>The most paper ballots one entry may carry.</summary>
    public const int MaxBallots = 10_000;

    public const string BallotsInputId = "paperBallots";

    /// <summary>An approval ballot's choice values in input ids: agree and disagree.</summary>
    public const string AgreeValue = "a";

    public const string DisagreeValue = "d";

    /// <summary>The input of a subject's votes for one choice (a level's value, or agree / disagree).</summary>
    public static string InputId(Guid subjectId, string choice) => "p" + choice + "_" + subjectId.ToString("N");

    public static JsonObject Build(PaperTallyCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(RankingCardTexts.PaperTitle),
            CardElements.Paragraph(string.Format(culture, input.IsApproval ? RankingCardTexts.PaperApprovalIntro : RankingCardTexts.PaperIntro, input.BodyName, input.Round)));
        foreach (var error in input.Errors)
        {
            body.Add(CardElements.Error(error));
        }
        body.Add(SecretaryCardElements.NumberInput(BallotsInputId, RankingCardTexts.PaperBallotsLabel, null, 1, MaxBallots));
        var number = 0;
        foreach (var subject in input.Subjects)
        {
            number++;
            IEnumerable<(string Label, string Value)> choices = input.IsApproval
                ? [(RankingCardTexts.PaperAgreeLabel, AgreeValue), (RankingCardTexts.PaperDisagreeLabel, DisagreeValue)]
                : subject.Levels.Select(l => (l.Abbreviation, l.Value));
            var boxes = choices.Select(c => Box(InputId(subject.SubjectId, c.Value), c.Label)).ToArray();
            body.Add(SecretaryCardElements.Section(
            [
                CardElements.Heading(CardElements.Numbered(number, subject.Name)),
                SecretaryCardElements.Columns(boxes),
            ]));
        }
        var actions = new JsonArray(CardActions.Submit(RankingCardTexts.PaperSubmitButton, CardVerbs.FlowSubmit, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }

    /// <summary>An optional number box (empty counts as 0).</summary>
    private static JsonObject Box(string id, string label) => new()
    {
        ["type"] = "Input.Number",
        ["id"] = id,
        ["label"] = label,
        ["min"] = 0,
        ["max"] = MaxBallots,
    };
}
