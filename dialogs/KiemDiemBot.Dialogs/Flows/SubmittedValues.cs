using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>
/// Puts what a member submitted back into the inputs of the card that asks again, so that nothing typed is lost
/// when an answer is refused: every input (Input.Text, Input.ChoiceSet, ...) whose id was submitted gets the
/// submitted value as its value. A typed message (not a card submit) has no input values and changes nothing.
/// </summary>
internal static class SubmittedValues
{
    private const string InputTypePrefix = "Input.";

    public static JsonObject FillInto(JsonObject card, FlowInput input)
    {
        if (input.Values is not { Count: > 0 } values)
        {
            return card;
        }
        foreach (var element in Inputs(card).ToList())
        {
            if (element["id"] is JsonValue id && id.TryGetValue<string>(out var key)
                && values[key] is JsonValue submitted && submitted.TryGetValue<string>(out var value))
            {
                if (value.Length == 0)
                {
                    element.Remove("value");
                }
                else
                {
                    element["value"] = value;
                }
            }
        }
        return card;
    }

    private static IEnumerable<JsonObject> Inputs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var name)
                    && name.StartsWith(InputTypePrefix, StringComparison.Ordinal))
                {
                    yield return obj;
                }
                foreach (var (_, child) in obj)
                {
                    foreach (var nested in Inputs(child))
                    {
                        yield return nested;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in Inputs(item))
                    {
                        yield return nested;
                    }
                }
                break;
        }
    }
}
