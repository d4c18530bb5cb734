using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Flows;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>A card the bot sent, read as a member sees and uses it: its texts, its inputs and its buttons.</summary>
public sealed class ReviewCard(SentActivity sent)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public SentActivity Sent { get; } = sent;

    /// <summary>The message's text beside the card (a notice, an out-of-date line), if any.</summary>
    public string? Text => Sent.Activity.Text;

    public JsonObject Content { get; } = (JsonObject)Assert.Single(sent.Activity.Attachments!).Content!;

    /// <summary>The card as JSON with Vietnamese letters as themselves, for "does it say ..." checks.</summary>
    public string Json => Content.ToJsonString(Readable);

    /// <summary>Every text a member reads on the card.</summary>
    public IReadOnlyList<string> Texts => [.. Content.DescendantsAndSelf().OfType<JsonObject>()
        .SelectMany(node => new[] { node["text"], node["title"], node["label"], node["value"] })
        .OfType<JsonValue>()
        .Select(value => value.TryGetValue<string>(out var text) ? text : null)
        .OfType<string>()];

    public bool Says(string text) => Texts.Any(t => t.Contains(text, StringComparison.Ordinal));

    /// <summary>The flow step the card's answer buttons name; null when it has none.</summary>
    public string? Step => Buttons.Select(b => b["data"]?[CardDataKeys.Step]?.GetValue<string>()).FirstOrDefault(s => s is not null);

    public IReadOnlyList<JsonObject> Buttons => [.. Content.DescendantsAndSelf().OfType<JsonObject>()
        .Where(node => node["type"]?.GetValue<string>() == "Action.Submit")];

    public IReadOnlyList<JsonObject> Inputs => [.. Content.DescendantsAndSelf().OfType<JsonObject>()
        .Where(node => node["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal))];

    public JsonObject Input(string id) => Inputs.Single(input => input["id"]?.GetValue<string>() == id);

    /// <summary>The value an input shows (prefilled, or filled back after a refused answer); null when empty.</summary>
    public string? ValueOf(string id) => Input(id)["value"]?.GetValue<string>();

    /// <summary>The values a choice offers.</summary>
    public IReadOnlyList<string> ChoicesOf(string id) =>
        [.. Input(id)["choices"]!.AsArray().Select(choice => choice!["value"]!.GetValue<string>())];

    public JsonObject Button(string title) => Buttons.Single(button => button["title"]?.GetValue<string>() == title);

    /// <summary>
    /// What the channel posts when the member presses <paramref name="button"/> (the first one by default): its data
    /// with every input's value, the shown ones unless given here.
    /// </summary>
    public JsonObject Press(JsonObject? button = null, params (string Id, string Value)[] inputs)
    {
        var value = JsonNode.Parse((button ?? Buttons[0])["data"]!.ToJsonString())!.AsObject();
        foreach (var input in Inputs)
        {
            if (input["value"] is JsonValue shown && input["id"]?.GetValue<string>() is { } id)
            {
                value[id] = shown.GetValue<string>();
            }
        }
        foreach (var (id, text) in inputs)
        {
            value[id] = text;
        }
        return value;
    }
}
