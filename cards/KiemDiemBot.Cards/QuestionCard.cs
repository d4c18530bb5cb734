using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A flow step asking one question in a text box, with one button that submits the answer. The flow engine
/// stamps the flow, step, state version and owner on the button (see <see cref="FlowCardData"/>).
/// </summary>
public static class QuestionCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(QuestionCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.InputId);
        if (FlowCardData.ReservedKeys.Contains(input.InputId))
        {
            throw new ArgumentException($"The input id '{input.InputId}' is a reserved card data key.", nameof(input));
        }
        var body = new JsonArray(
            CardElements.Title(input.Title),
            CardElements.Paragraph(input.Question));
        foreach (var error in input.Errors)
        {
            body.Add(CardElements.Error(error));
        }
        body.Add(CardElements.TextInput(input.InputId, input.Answer, input.Placeholder, input.IsMultiline));
        body.Add(CardElements.Note(CardStrings.QuestionFlowHint));
        var actions = new JsonArray(
            CardActions.Submit(input.SubmitTitle ?? CardStrings.QuestionSubmitButton, CardVerbs.FlowSubmit, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
