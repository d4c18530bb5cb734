using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>Builders for the few schema 1.5 body elements the cards use; every text wraps.</summary>
internal static class CardElements
{
    /// <summary>
    /// "3. Name" for a TextBlock or a Toggle's title: the space after the number is a no-break space, because both are
    /// rendered as markdown and "3. Name" alone would be a one-item ordered list restarting at 1 (Web Chat numbers
    /// every subject "1.").
    /// </summary>
    public static string Numbered(int number, string text) =>
        number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".\u00A0" + text;

    public static JsonObject Title(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["size"] = "Large",
        ["weight"] = "Bolder",
        ["wrap"] = true,
    };

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["spacing"] = "Medium",
        ["wrap"] = true,
    };

    public static JsonObject Paragraph(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
    };

    public static JsonObject Note(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["isSubtle"] = true,
        ["spacing"] = "Medium",
        ["wrap"] = true,
    };

    /// <summary>
    /// A Markdown bullet list in one TextBlock. Lines are separated by "\r" as Teams documents it; Web Chat
    /// reads "\r" as a line break too.
    /// </summary>
    public static JsonObject BulletList(IEnumerable<string> items) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = string.Join("\r", items.Select(item => "- " + item)),
        ["wrap"] = true,
    };

    /// <summary>Label/value rows, e.g. a command and what it does.</summary>
    public static JsonObject FactSet(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts
            .Select(fact => (JsonNode)new JsonObject { ["title"] = fact.Title, ["value"] = fact.Value })
            .ToArray()),
    };

    /// <summary>A line saying what is wrong with an answer, in the host's warning colour.</summary>
    public static JsonObject Error(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["color"] = "Attention",
        ["wrap"] = true,
    };

    /// <summary>A text box; its value is submitted under <paramref name="id"/>.</summary>
    public static JsonObject TextInput(string id, string? value, string? placeholder, bool isMultiline)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["isMultiline"] = isMultiline,
        };
        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }
        if (!string.IsNullOrEmpty(placeholder))
        {
            input["placeholder"] = placeholder;
        }
        return input;
    }
}
