using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>The body elements the self-review cards share: labelled inputs with their limits, whose review it is, errors.</summary>
internal static class SelfReviewCardElements
{
    public static string FormatLength(int length) => length.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>"Bản tự kiểm điểm của đồng chí ..." in a subtle line, when a secretary enters it for the member.</summary>
    public static JsonObject Subject(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["color"] = "Accent",
        ["wrap"] = true,
    };

    public static JsonObject Progress(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["isSubtle"] = true,
        ["size"] = "Small",
        ["spacing"] = "None",
        ["wrap"] = true,
    };

    public static JsonObject Label(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["spacing"] = "Small",
        ["wrap"] = true,
    };

    public static JsonObject TextInput(SelfReviewTextField field, int maxLength)
    {
        CheckId(field.Id);
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = field.Id,
            ["label"] = field.Label,
            ["isMultiline"] = field.IsMultiline,
            ["maxLength"] = maxLength,
            ["isRequired"] = field.IsRequired,
        };
        if (field.IsRequired)
        {
            input["errorMessage"] = SelfReviewTexts.RequiredAnswer;
        }
        if (!string.IsNullOrEmpty(field.Placeholder))
        {
            input["placeholder"] = field.Placeholder;
        }
        if (!string.IsNullOrEmpty(field.Value))
        {
            input["value"] = field.Value;
        }
        return input;
    }

    public static JsonObject ChoiceInput(SelfReviewChoiceField field)
    {
        CheckId(field.Id);
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = field.Id,
            ["label"] = field.Label,
            ["style"] = "expanded",
            ["isMultiSelect"] = false,
            ["wrap"] = true,
            ["isRequired"] = field.IsRequired,
            ["choices"] = new JsonArray(field.Choices
                .Select(choice => (JsonNode)new JsonObject { ["title"] = choice.Title, ["value"] = choice.Value })
                .ToArray()),
        };
        if (field.IsRequired)
        {
            input["errorMessage"] = SelfReviewTexts.RequiredChoice;
        }
        if (!string.IsNullOrEmpty(field.Value) && field.Choices.Any(choice => choice.Value == field.Value))
        {
            input["value"] = field.Value;
        }
        return input;
    }

    /// <summary>A button the flow answers, with extra data (a command, a section).</summary>
    public static JsonObject FlowButton(string title, int cardVersion, params (string Key, string Value)[] data)
    {
        var action = CardActions.Submit(title, CardVerbs.FlowSubmit, step: null, cardVersion);
        var payload = action["data"]!.AsObject();
        foreach (var (key, value) in data)
        {
            payload[key] = value;
        }
        return action;
    }

    public static void AddErrors(JsonArray body, IReadOnlyList<string> errors)
    {
        foreach (var error in errors)
        {
            body.Add(CardElements.Error(error));
        }
    }

    private static void CheckId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (FlowCardData.ReservedKeys.Contains(id) || id is SelfReviewCardData.Command or SelfReviewCardData.Section)
        {
            throw new ArgumentException($"The input id '{id}' is a reserved card data key.", nameof(id));
        }
    }
}
