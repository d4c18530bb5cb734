using System.Globalization;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>
/// What a flow card's buttons carry, so that a submit reaches the right flow and step and a stale or foreign
/// card is recognised: the flow, the step, the version of the state the card was drawn from, the member
/// whose flow it is, and the review cycle (<see cref="Guid.Empty"/>: none). The flow engine stamps it on every
/// card a flow sends; the verb is always <see cref="CardVerbs.FlowSubmit"/>.
/// </summary>
public sealed record FlowCardData(string Flow, string Step, int Version, Guid Owner, Guid Cycle)
{
    private static readonly string[] Keys =
    [
        CardDataKeys.Verb, CardDataKeys.Flow, CardDataKeys.Step, CardDataKeys.FlowVersion,
        CardDataKeys.Owner, CardDataKeys.Cycle, CardDataKeys.CardVersion,
    ];

    /// <summary>The data keys buttons carry, which are therefore not input values.</summary>
    public static IReadOnlyCollection<string> ReservedKeys => Keys;

    /// <summary>
    /// Writes this data into every Action.Submit of <paramref name="card"/>, nested ones included, and answers the
    /// card. A button that names another verb than <see cref="CardVerbs.FlowSubmit"/> (an action of another dialog,
    /// such as exporting a file) is left as it is.
    /// </summary>
    public JsonObject StampOnto(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        foreach (var action in SubmitActions(card).ToList())
        {
            if (action["data"] is not JsonObject data)
            {
                data = [];
                action["data"] = data;
            }
            else if (ReadString(data, CardDataKeys.Verb) is { } verb && verb != CardVerbs.FlowSubmit)
            {
                continue;
            }
            data[CardDataKeys.Verb] = CardVerbs.FlowSubmit;
            data[CardDataKeys.Flow] = Flow;
            data[CardDataKeys.Step] = Step;
            data[CardDataKeys.FlowVersion] = Version;
            data[CardDataKeys.Owner] = Owner.ToString("D");
            if (Cycle == Guid.Empty)
            {
                data.Remove(CardDataKeys.Cycle);
            }
            else
            {
                data[CardDataKeys.Cycle] = Cycle.ToString("D");
            }
        }
        return card;
    }

    /// <summary>Reads the data of a flow submit; null when <paramref name="value"/> is not a complete one.</summary>
    public static FlowCardData? TryRead(JsonObject? value)
    {
        if (value is null
            || ReadString(value, CardDataKeys.Verb) != CardVerbs.FlowSubmit
            || ReadString(value, CardDataKeys.Flow) is not { Length: > 0 } flow
            || ReadString(value, CardDataKeys.Step) is not { Length: > 0 } step
            || ReadInt(value, CardDataKeys.FlowVersion) is not { } version
            || !Guid.TryParse(ReadString(value, CardDataKeys.Owner), out var owner))
        {
            return null;
        }
        var cycleText = ReadString(value, CardDataKeys.Cycle);
        Guid cycle;
        if (cycleText is null)
        {
            cycle = Guid.Empty;
        }
        else if (!Guid.TryParse(cycleText, out cycle))
        {
            return null;
        }
        return new FlowCardData(flow, step, version, owner, cycle);
    }

    private static string? ReadString(JsonObject value, string key) =>
        value[key] is JsonValue node && node.TryGetValue<string>(out var text) ? text : null;

    // Channels keep the number as sent; a channel that turns it into text is read too.
    private static int? ReadInt(JsonObject value, string key) => value[key] switch
    {
        JsonValue node when node.TryGetValue<int>(out var number) => number,
        JsonValue node when node.TryGetValue<string>(out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static IEnumerable<JsonObject> SubmitActions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == CardActions.SubmitType)
                {
                    yield return obj;
                }
                foreach (var (_, child) in obj)
                {
                    foreach (var nested in SubmitActions(child))
                    {
                        yield return nested;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in SubmitActions(item))
                    {
                        yield return nested;
                    }
                }
                break;
        }
    }
}
