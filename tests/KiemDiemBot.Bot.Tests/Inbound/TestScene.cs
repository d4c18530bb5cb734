using System.Text.Json.Nodes;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>
/// A Teams conversation with one user, and the activities Teams posts from it, shaped as in PROTOCOL.md 1.6
/// and 4.6. Every scene has fresh ids so tests never see each other's data.
/// </summary>
public sealed record TestScene(string ServiceUrl, string ConversationId, string ConversationType, string UserId, string UserAadObjectId, string TenantId)
{
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/amer/";

    /// <summary>True (default) when the scene's user is on the roster; false for a stranger.</summary>
    public bool OnRoster { get; init; } = true;
    public const string BotId = "28:" + BotApplicationFactory.AppId;

    public static TestScene Personal(string tenantId = BotApplicationFactory.AllowedTenantId) => new(
        DefaultServiceUrl,
        "a:1" + Guid.NewGuid().ToString("N"),
        "personal",
        "29:1" + Guid.NewGuid().ToString("N"),
        Guid.NewGuid().ToString(),
        tenantId);

    public static TestScene Channel(string tenantId = BotApplicationFactory.AllowedTenantId) => new(
        DefaultServiceUrl,
        "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2;messageid=1759881511856",
        "channel",
        "29:1" + Guid.NewGuid().ToString("N"),
        Guid.NewGuid().ToString(),
        tenantId);

    public static string NewActivityId() => Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public JsonObject Message(string text, string? id = null)
    {
        var activity = Base("message", id ?? NewActivityId());
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>A channel message that @mentions the bot, with the mention entity Teams adds.</summary>
    public JsonObject MessageMentioningBot(string text, string? id = null)
    {
        var activity = Message($"<at>KiemDiemBot</at> {text}", id);
        activity["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>KiemDiemBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "KiemDiemBot" },
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "vi-VN", ["country"] = "VN", ["platform"] = "Web", ["timezone"] = "Asia/Saigon" });
        return activity;
    }

    /// <summary>An Action.Submit: a message with no text and the card's data in <c>value</c>.</summary>
    public JsonObject Submit(JsonObject value, string? id = null)
    {
        var activity = Base("message", id ?? NewActivityId());
        activity["value"] = value;
        activity["replyToId"] = "1730000000000";
        return activity;
    }

    public JsonObject Install(string action = "add")
    {
        var activity = Base("installationUpdate", "f:" + NewActivityId());
        activity["action"] = action;
        return activity;
    }

    public JsonObject BotAdded()
    {
        var activity = Base("conversationUpdate", "f:" + NewActivityId());
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    public JsonObject Invoke(string name, JsonObject? value = null)
    {
        var activity = Base("invoke", "f:" + NewActivityId());
        activity["name"] = name;
        activity["value"] = value ?? new JsonObject();
        return activity;
    }

    private JsonObject Base(string type, string id) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["timestamp"] = "2026-03-02T01:00:00.000Z",
        ["localTimestamp"] = "2026-03-02T08:00:00.000+07:00",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Nguyễn Văn An", ["aadObjectId"] = UserAadObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "KiemDiemBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = ConversationId,
            ["conversationType"] = ConversationType,
            ["isGroup"] = ConversationType != "personal",
            ["tenantId"] = TenantId,
        },
        ["locale"] = "vi-VN",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };
}
