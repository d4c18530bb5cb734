using System.Net;
using System.Net.Http.Json;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

/// <summary>The local channel keeps its chat history in the database, as Teams keeps it: a restart of the host loses none of it.</summary>
public sealed class TranscriptRestartTests
{
    private const string Email = "hoa.pham@example.vn";

    [Fact]
    public async Task GetActivities_AfterARestartOnTheSameDatabase_ShowsTheEarlierHistoryAndWatermarksStillWork()
    {
        using var database = new SqliteTestDatabase();
        string conversationId;
        string watermark;
        string oldToken;
        await using (var before = new LocalChannelTestHost(database))
        {
            var (_, conversation) = await before.StartPersonalAsync(Email, "Phạm Hoa");
            conversationId = conversation.ConversationId;
            oldToken = conversation.Token;
            (await before.SayAsync(conversationId, Email, "một")).Dispose();
            await SendFromBotAsync(before, conversationId, "trả lời một");
            watermark = (await before.GetActivitiesAsync(conversationId)).GetProperty("watermark").GetString()!;
            (await before.SayAsync(conversationId, Email, "hai")).Dispose();
        }

        await using var after = new LocalChannelTestHost(database);
        var (status, reopened) = await after.StartPersonalAsync(Email, "Phạm Hoa");
        var all = await after.GetActivitiesAsync(reopened.ConversationId);
        var later = await after.GetActivitiesAsync(reopened.ConversationId, watermark);
        (await after.SayAsync(conversationId, Email, "ba")).Dispose();
        var afterNewMessage = await after.GetActivitiesAsync(conversationId, later.GetProperty("watermark").GetString());

        Assert.Equal(200, status);
        Assert.Equal(conversationId, reopened.ConversationId);
        Assert.Equal(["một", "trả lời một", "hai"], Texts(all));
        Assert.Equal(["hai"], Texts(later));
        Assert.Equal(["ba"], Texts(afterNewMessage));
        Assert.Equal(Distinct(all), all.GetProperty("activities").GetArrayLength());
        using var withOldToken = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities");
        withOldToken.Headers.Authorization = new("Bearer", oldToken);
        using var refused = await after.Anonymous.SendAsync(withOldToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task UpdateActivity_AfterARestart_TheUpdatedCardMovesToTheEndWithItsId()
    {
        using var database = new SqliteTestDatabase();
        string conversationId;
        string cardId;
        await using (var before = new LocalChannelTestHost(database))
        {
            var (_, conversation) = await before.StartPersonalAsync(Email, "Phạm Hoa");
            conversationId = conversation.ConversationId;
            cardId = await SendFromBotAsync(before, conversationId, "Phiếu: chưa bầu");
            (await before.SayAsync(conversationId, Email, "tin sau")).Dispose();
        }

        await using var after = new LocalChannelTestHost(database);
        var watermark = (await after.GetActivitiesAsync(conversationId)).GetProperty("watermark").GetString();
        using var update = await after.Anonymous.PutAsJsonAsync(
            $"v3/conversations/{conversationId}/activities/{cardId}",
            new Activity { Type = ActivityTypes.Message, Text = "Phiếu: đã bầu" },
            ProtocolJson.Options);
        var later = (await after.GetActivitiesAsync(conversationId, watermark)).GetProperty("activities");

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(cardId, later[0].GetProperty("id").GetString());
        Assert.Equal("Phiếu: đã bầu", later[0].GetProperty("text").GetString());
        Assert.Equal(["tin sau", "Phiếu: đã bầu"], Texts(await after.GetActivitiesAsync(conversationId)));
    }

    private static async Task<string> SendFromBotAsync(LocalChannelTestHost host, string conversationId, string text)
    {
        using var response = await host.Anonymous.PostAsJsonAsync(
            $"v3/conversations/{conversationId}/activities",
            new Activity { Type = ActivityTypes.Message, Text = text },
            ProtocolJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ResourceResponse>())!.Id!;
    }

    private static List<string?> Texts(System.Text.Json.JsonElement activitySet) =>
        [.. activitySet.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("type").GetString() == ActivityTypes.Message)
            .Select(a => a.GetProperty("text").GetString())];

    private static int Distinct(System.Text.Json.JsonElement activitySet) =>
        activitySet.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Distinct().Count();
}
