using System.Text.Json.Nodes;

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
    JsonObject? Value);
