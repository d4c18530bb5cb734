using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs;

/// <summary>
/// One message a dialog wants sent back: plain text, an Adaptive Card, or both (and perhaps another
/// attachment, <see cref="Attachment"/>); either a new message or,
/// with <see cref="UpdateActivityId"/>, the replacement of a message the bot sent earlier.
/// </summary>
public sealed record DialogReply(string? Text, JsonObject? Card)
{
    /// <summary>The id of an earlier bot message to replace instead of sending a new one.</summary>
    public string? UpdateActivityId { get; init; }

    /// <summary>
    /// A key that names this message for later: it is sent at most once, and <c>IConversationPosts.StageUpdateAsync</c>
    /// can replace it from another conversation's turn (e.g. a ballot's status card in the meeting chat).
    /// </summary>
    public string? PostKey { get; init; }

    /// <summary>An attachment that is not an Adaptive Card (a file consent or file card), sent after the card if both are set.</summary>
    public DialogAttachment? Attachment { get; init; }

    public static DialogReply FromText(string text) => new(text, null);

    public static DialogReply FromCard(JsonObject card) => new(null, card);

    public static DialogReply FromAttachment(DialogAttachment attachment) => new(null, null) { Attachment = attachment };

    /// <summary>Replaces the earlier message <paramref name="activityId"/> with this card.</summary>
    public static DialogReply UpdateCard(string activityId, JsonObject card) => new(null, card) { UpdateActivityId = activityId };
}
