using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Testing;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// One roster member in Teams, known by their Entra object id (as after their first sign-in, so identity takes
/// the fast path), alone with the bot in their personal chat; and the activities Teams posts for them, shaped as
/// in PROTOCOL.md 1.6 and 4.6.
/// </summary>
internal sealed record BenchMember(int Index, Guid ObjectId, string UserId, string ConversationId)
{
    private const string BotId = "28:" + BotUnderTest.AppId;

    private static readonly JsonSerializerOptions Utf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static long nextActivityId = 1_700_000_000_000;

    public string Email => string.Create(CultureInfo.InvariantCulture, $"bench-{Index}@bench.kiemdiem.vn");

    public static BenchMember Create(int index) => new(
        index,
        Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"be0c0000-0000-4000-8000-{index:D12}")),
        string.Create(CultureInfo.InvariantCulture, $"29:1bench{index:D6}"),
        string.Create(CultureInfo.InvariantCulture, $"a:1bench{index:D6}"));

    /// <summary>Puts the first <paramref name="count"/> members on the roster (the demo office cell), a few at a time.</summary>
    public static async Task EnrolAsync(IServiceProvider services, int count)
    {
        await TestRoster.SeedDemoAsync(services);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
        {
            var member = Create(index);
            await TestRoster.EnrolAsync(services, member.Email, "Đảng viên " + index.ToString(CultureInfo.InvariantCulture), member.ObjectId);
        });
    }

    /// <summary>A new activity id, as Teams gives every activity its own.</summary>
    public static string NewActivityId() => Interlocked.Increment(ref nextActivityId).ToString(CultureInfo.InvariantCulture);

    /// <summary>What Teams posts when the member installs the bot for themselves.</summary>
    public byte[] Install(string activityId, string serviceUrl)
    {
        var activity = Base("installationUpdate", activityId, serviceUrl);
        activity["action"] = "add";
        return Serialize(activity);
    }

    public byte[] Message(string activityId, string serviceUrl, string text)
    {
        var activity = Base("message", activityId, serviceUrl);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return Serialize(activity);
    }

    /// <summary>An Action.Submit: a message with no text, the card's data and inputs in <c>value</c>, replying to the card.</summary>
    public byte[] Submit(string activityId, string serviceUrl, JsonObject value, string cardActivityId)
    {
        var activity = Base("message", activityId, serviceUrl);
        activity["value"] = value;
        activity["replyToId"] = cardActivityId;
        return Serialize(activity);
    }

    private JsonObject Base(string type, string id, string serviceUrl) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = "2026-03-02T01:00:00.000Z",
        ["localTimestamp"] = "2026-03-02T08:00:00.000+07:00",
        ["from"] = new JsonObject
        {
            ["id"] = UserId,
            ["name"] = "Đảng viên " + Index.ToString(CultureInfo.InvariantCulture),
            ["aadObjectId"] = ObjectId.ToString("D"),
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "KiemDiemBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = ConversationId,
            ["conversationType"] = "personal",
            ["tenantId"] = BotUnderTest.TenantId,
        },
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo",
            ["locale"] = "vi-VN",
            ["country"] = "VN",
            ["platform"] = "Web",
            ["timezone"] = "Asia/Saigon",
        }),
        ["locale"] = "vi-VN",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = BotUnderTest.TenantId } },
    };

    private static byte[] Serialize(JsonObject activity) => JsonSerializer.SerializeToUtf8Bytes(activity, Utf8);
}
