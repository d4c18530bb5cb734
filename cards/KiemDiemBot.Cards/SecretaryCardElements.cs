using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The schema 1.5 elements the secretary's cards need beyond <see cref="CardElements"/>: labelled date, time,
/// number and choice inputs, compact rows and button sets inside the body, and submits carrying extra data.
/// Dates and times are written as Adaptive Cards expect them (yyyy-MM-dd, HH:mm).
/// </summary>
internal static class SecretaryCardElements
{
    public static JsonObject DateInput(string id, string label, DateOnly? value, bool isRequired)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Date",
            ["id"] = id,
            ["label"] = label,
        };
        if (value is { } date)
        {
            input["value"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return isRequired ? Required(input) : input;
    }

    public static JsonObject TimeInput(string id, string label, TimeOnly? value)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Time",
            ["id"] = id,
            ["label"] = label,
        };
        if (value is { } time)
        {
            input["value"] = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        return input;
    }

    public static JsonObject NumberInput(string id, string label, int? value, int min, int max)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Number",
            ["id"] = id,
            ["label"] = label,
            ["min"] = min,
            ["max"] = max,
        };
        if (value is { } number)
        {
            input["value"] = number;
        }
        return Required(input);
    }

    /// <summary>A drop-down list; <paramref name="value"/> is the choice selected at first.</summary>
    public static JsonObject ChoiceInput(string id, string label, string? value, IEnumerable<(string Title, string Value)> choices)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "compact",
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }
        return Required(input);
    }

    /// <summary>Marks an input required, with the line a renderer shows when it is left empty.</summary>
    private static JsonObject Required(JsonObject input)
    {
        input["isRequired"] = true;
        input["errorMessage"] = SecretaryTexts.RequiredInputError;
        return input;
    }

    /// <summary>Elements side by side, each in a column that takes an equal share of the width.</summary>
    public static JsonObject Columns(params JsonObject[] cells) => new()
    {
        ["type"] = "ColumnSet",
        ["columns"] = new JsonArray([.. cells.Select(cell => (JsonNode)new JsonObject
        {
            ["type"] = "Column",
            ["width"] = "stretch",
            ["items"] = new JsonArray(cell),
        })]),
    };

    /// <summary>A group of elements set off from the one above by a thin line.</summary>
    public static JsonObject Section(IEnumerable<JsonNode> items) => new()
    {
        ["type"] = "Container",
        ["separator"] = true,
        ["spacing"] = "Small",
        ["items"] = new JsonArray([.. items]),
    };

    /// <summary>A line of small, subtle text directly under the one above.</summary>
    public static JsonObject SmallNote(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["isSubtle"] = true,
        ["size"] = "Small",
        ["spacing"] = "None",
        ["wrap"] = true,
    };

    /// <summary>A line in the host's warning colour (a warning the secretary should read, not a refused answer).</summary>
    public static JsonObject Warning(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["color"] = "Warning",
        ["wrap"] = true,
    };

    /// <summary>Buttons inside the body, under the element above.</summary>
    public static JsonObject ActionSet(IEnumerable<JsonObject> actions) => new()
    {
        ["type"] = "ActionSet",
        ["spacing"] = "Small",
        ["actions"] = new JsonArray([.. actions]),
    };

    /// <summary>An Action.Submit for a one-shot verb whose data also carries <paramref name="data"/>.</summary>
    public static JsonObject Submit(string title, string verb, int cardVersion, params IReadOnlyList<(string Key, JsonNode? Value)> data)
    {
        var action = CardActions.Submit(title, verb, step: null, cardVersion);
        var values = (JsonObject)action["data"]!;
        foreach (var (key, value) in data)
        {
            // A copy: callers may pass the same data to several buttons, and a node has one parent.
            values[key] = value?.DeepClone();
        }
        return action;
    }

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
