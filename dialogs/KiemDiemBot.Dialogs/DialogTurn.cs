using System.Text.Json.Nodes;
using KiemDiemBot.Core.Identity;

namespace KiemDiemBot.Dialogs;

/// <summary>
/// What a dialog sees of one incoming turn, already stripped of the wire format: who wrote, where,
/// the text (mentions of the bot removed) and, for a card submit, the submitted values.
/// </summary>
public sealed record DialogTurn(
    string ChannelId,
    string ConversationId,
    bool IsGroup,
    string UserId,
    string? UserName,
    string? Text,
    JsonObject? Value)
{
    /// <summary>The inbound activity's id.</summary>
    public string? ActivityId { get; init; }

    /// <summary>For a card submit: the id of the message that carried the card (so it can be updated in place).</summary>
    public string? ReplyToId { get; init; }

    /// <summary>The conversation's name when the channel gives one (a group chat's topic, e.g. a cell's meeting chat).</summary>
    public string? ConversationName { get; init; }

    /// <summary>The roster member who wrote, when known.</summary>
    public TurnMember? Member { get; init; }

    /// <summary>True when the channel can replace a sent message (Teams and the local channel can).</summary>
    public bool SupportsUpdates { get; init; } = true;
}
