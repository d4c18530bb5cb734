using System.Text.Json.Nodes;
using KiemDiemBot.Cards;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>An answer to a step: the values of its card's inputs, or a message the member typed instead.</summary>
public sealed class FlowInput
{
    private FlowInput(JsonObject? values, string? text)
    {
        Values = values;
        Text = text;
    }

    /// <summary>The submitted input values, by input id, without the data the engine stamps on buttons; null for typed text.</summary>
    public JsonObject? Values { get; }

    /// <summary>The message the member typed; null for a card submit.</summary>
    public string? Text { get; }

    /// <summary>The answer given for <paramref name="inputId"/>: the input's value on a card submit, or the typed text.</summary>
    public string? Answer(string inputId)
    {
        if (Values is null)
        {
            return Text;
        }
        return Values[inputId] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    internal static FlowInput FromCard(JsonObject submitted)
    {
        var values = new JsonObject();
        foreach (var (key, value) in submitted)
        {
            if (!FlowCardData.ReservedKeys.Contains(key))
            {
                values[key] = value?.DeepClone();
            }
        }
        return new FlowInput(values, null);
    }

    internal static FlowInput FromText(string text) => new(null, text);
}
