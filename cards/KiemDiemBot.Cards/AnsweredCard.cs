using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The read-only card that replaces an answered flow card in place: what was asked and what was answered,
/// with no button left to press.
/// </summary>
public static class AnsweredCard
{
    public static JsonObject Build(AnsweredCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Title(input.Title),
            CardElements.FactSet(input.Answers.Select(fact =>
                (fact.Question, string.IsNullOrWhiteSpace(fact.Answer) ? CardStrings.AnsweredCardEmptyValue : fact.Answer))),
            CardElements.Note(CardStrings.AnsweredCardNote));
        return AdaptiveCardDocument.Create(body, []);
    }
}
