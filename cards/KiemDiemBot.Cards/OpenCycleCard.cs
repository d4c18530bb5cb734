using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A flow step: the form that opens a year's review cycle, with the year, the rule set and the plan's deadlines
/// prefilled and editable, and one button. The flow engine stamps the flow data on the button.
/// </summary>
public static class OpenCycleCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public const string YearInput = "year";
    public const string RuleSetInput = "ruleSet";

    public static JsonObject Build(OpenCycleCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var deadline in input.Deadlines)
        {
            if (FlowCardData.ReservedKeys.Contains(deadline.InputId) || deadline.InputId is YearInput or RuleSetInput)
            {
                throw new ArgumentException($"The input id '{deadline.InputId}' is taken.", nameof(input));
            }
        }
        var body = new JsonArray(
            CardElements.Title(SecretaryTexts.OpenCycleTitle),
            CardElements.Paragraph(input.ScopeName is { Length: > 0 } scope
                ? string.Format(CultureInfo.InvariantCulture, SecretaryTexts.OpenCycleIntroScoped, scope)
                : SecretaryTexts.OpenCycleIntroEveryone));
        foreach (var error in input.Errors)
        {
            body.Add(CardElements.Error(error));
        }
        body.Add(SecretaryCardElements.NumberInput(YearInput, SecretaryTexts.OpenCycleYearLabel, input.Year, input.MinYear, input.MaxYear));
        body.Add(SecretaryCardElements.ChoiceInput(
            RuleSetInput, SecretaryTexts.OpenCycleRuleSetLabel, input.RuleSetCode, input.RuleSets.Select(r => (r.Title, r.Code))));
        body.Add(CardElements.Heading(SecretaryTexts.OpenCycleDeadlinesHeading));
        foreach (var deadline in input.Deadlines)
        {
            body.Add(SecretaryCardElements.DateInput(deadline.InputId, deadline.Label, deadline.DueBefore, isRequired: true));
        }
        body.Add(CardElements.Note(SecretaryTexts.OpenCycleHint));
        var actions = new JsonArray(
            CardActions.Submit(SecretaryTexts.OpenCycleSubmitButton, CardVerbs.FlowSubmit, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
