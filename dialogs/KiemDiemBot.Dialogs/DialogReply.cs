using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs;

/// <summary>One message a dialog wants sent back: plain text, an Adaptive Card, or both.</summary>
public sealed record DialogReply(string? Text, JsonObject? Card)
{
    public static DialogReply FromText(string text) => new(text, null);

    public static DialogReply FromCard(JsonObject card) => new(null, card);
}
