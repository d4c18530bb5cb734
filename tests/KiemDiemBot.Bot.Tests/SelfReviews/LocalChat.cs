using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Tests.Inbound;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>
/// A member's personal conversation in the local channel (or, with <paramref name="IsGroup"/>, a group chat they
/// write in): the activities the chat page posts for them, shaped as <see cref="LocalChannelService"/> stamps
/// them (channel "directline", the member known by e-mail).
/// </summary>
public sealed record LocalChat(string Email, string Name, bool IsGroup = false)
{
    private static long nextId = 1_760_000_000_000;

    public string ConversationId { get; } = (IsGroup ? "local-group-" : "local-personal-") + Guid.NewGuid().ToString("N");

    /// <summary>The member types <paramref name="text"/>.</summary>
    public JsonObject Message(string text)
    {
        var activity = Base();
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>The member presses a button: its data with the card's input values, in reply to the card's message.</summary>
    public JsonObject Submit(JsonObject value, string? replyToId)
    {
        var activity = Base();
        activity["value"] = value;
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }
        return activity;
    }

    private JsonObject Base() => new()
    {
        ["type"] = "message",
        ["id"] = "local-" + Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture),
        ["channelId"] = LocalChannelService.ChannelId,
        ["serviceUrl"] = BotApplicationFactory.LocalServiceUrl,
        ["timestamp"] = "2026-03-02T01:00:00.000Z",
        ["from"] = new JsonObject { ["id"] = Email, ["name"] = Name, ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = LocalBot.Id, ["name"] = LocalBot.Name, ["role"] = LocalBot.BotRole },
        ["conversation"] = new JsonObject
        {
            ["id"] = ConversationId,
            ["conversationType"] = IsGroup ? "groupChat" : "personal",
            ["isGroup"] = IsGroup,
        },
        ["locale"] = "vi-VN",
    };
}
