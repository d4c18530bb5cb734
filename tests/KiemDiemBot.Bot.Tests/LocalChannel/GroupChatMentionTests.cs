using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Turns;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

/// <summary>
/// A local group chat behaves like a Teams group chat: members see each other's talk, and the bot gets
/// only what mentions it (typed as "@KiemDiemBot", delivered as Teams' mention markup and entity) or
/// submits one of its cards.
/// </summary>
public sealed class GroupChatMentionTests : IAsyncLifetime
{
    private const string Lan = "lan.vu@example.vn";
    private const string Tuan = "tuan.le@example.vn";

    private readonly LocalChannelTestHost _host = new();
    private string _groupId = null!;

    public async Task InitializeAsync()
    {
        var (_, group) = await _host.StartAsync(new { group = "Chi bộ 2 – họp kiểm điểm", user = new { id = Lan, name = "Vũ Thị Lan" } });
        await _host.StartAsync(new { group = "Chi bộ 2 – họp kiểm điểm", user = new { id = Tuan, name = "Lê Minh Tuấn" } });
        _groupId = group.ConversationId;
        _host.Bot.Drain();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostActivity_GroupMessageWithoutMention_StaysInTheTranscriptAndIsNotDelivered()
    {
        using var response = await _host.SayAsync(_groupId, Lan, "Chào anh Tuấn, chiều nay họp nhé");

        var activities = (await _host.GetActivitiesAsync(_groupId)).GetProperty("activities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<ResourceResponse>())!.Id));
        var kept = Assert.Single(activities.EnumerateArray());
        Assert.Equal("Chào anh Tuấn, chiều nay họp nhé", kept.GetProperty("text").GetString());
        Assert.Empty(_host.Bot.Drain());
    }

    [Fact]
    public async Task PostActivity_GroupMessageMentioningTheBot_IsDeliveredWithTeamsMentionMarkupAndEntity()
    {
        using var response = await _host.SayAsync(_groupId, Tuan, "@KiemDiemBot trợ giúp");

        var delivered = await _host.Bot.NextAsync(ActivityTypes.Message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<at>KiemDiemBot</at> trợ giúp", delivered.Text);
        var mention = Assert.Single(delivered.Entities!, e => e.Type == Entity.MentionType).AsMention();
        Assert.Equal("<at>KiemDiemBot</at>", mention!.Text);
        Assert.Equal(LocalBot.Id, mention.Mentioned?.Id);
        Assert.Equal("KiemDiemBot", mention.Mentioned?.Name);
        Assert.True(delivered.Conversation?.IsGroup);
        Assert.Equal("trợ giúp", BotMentions.StripFrom(delivered));
        var kept = (await _host.GetActivitiesAsync(_groupId)).GetProperty("activities")[0];
        Assert.Equal("<at>KiemDiemBot</at> trợ giúp", kept.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("Nhờ @kiemdiembot xem giúp", "Nhờ <at>KiemDiemBot</at> xem giúp")]
    [InlineData("@KiemDiemBot, trợ giúp", "<at>KiemDiemBot</at>, trợ giúp")]
    public async Task PostActivity_MentionAnywhereInAnyCase_IsDelivered(string typed, string delivered)
    {
        (await _host.SayAsync(_groupId, Lan, typed)).Dispose();

        Assert.Equal(delivered, (await _host.Bot.NextAsync(ActivityTypes.Message)).Text);
    }

    [Fact]
    public async Task PostActivity_NameInsideALongerWordOrAnEmail_IsNoMention()
    {
        (await _host.SayAsync(_groupId, Lan, "@KiemDiemBotHelper ơi")).Dispose();
        (await _host.SayAsync(_groupId, Lan, "gửi cho tro.ly@kiemdiembot.vn")).Dispose();

        Assert.Equal(2, (await _host.GetActivitiesAsync(_groupId)).GetProperty("activities").GetArrayLength());
        Assert.Empty(_host.Bot.Drain());
    }

    [Fact]
    public async Task PostActivity_ClientSendsItsOwnMentionEntity_ItIsDroppedAndNothingIsDelivered()
    {
        var forged = JsonSerializer.Deserialize<JsonElement>(
            """{"type":"message","from":{"id":"lan.vu@example.vn"},"text":"<at>KiemDiemBot</at> trợ giúp","entities":[{"type":"mention","text":"<at>KiemDiemBot</at>","mentioned":{"id":"28:kiemdiembot-local","name":"KiemDiemBot"}}]}""");

        (await _host.Http.PostAsJsonAsync($"v3/directline/conversations/{_groupId}/activities", forged)).Dispose();

        var kept = (await _host.GetActivitiesAsync(_groupId)).GetProperty("activities")[0];
        Assert.False(kept.TryGetProperty("entities", out var entities) && entities.GetArrayLength() > 0);
        Assert.Empty(_host.Bot.Drain());
    }

    [Fact]
    public async Task PostActivity_CardSubmitInAGroup_IsDeliveredWithoutAMention()
    {
        var submit = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = Lan },
            Value = new JsonObject { ["verb"] = "help" },
        };

        (await _host.Http.PostAsJsonAsync($"v3/directline/conversations/{_groupId}/activities", submit, ProtocolJson.Options)).Dispose();

        var delivered = await _host.Bot.NextAsync(ActivityTypes.Message);
        Assert.Equal("help", delivered.Value?["verb"]?.GetValue<string>());
    }

    [Fact]
    public async Task PostActivity_PersonalChatWithoutMention_IsDeliveredAsBefore()
    {
        var (_, personal) = await _host.StartPersonalAsync(Lan, "Vũ Thị Lan");
        _host.Bot.Drain();

        (await _host.SayAsync(personal.ConversationId, Lan, "trợ giúp")).Dispose();

        var delivered = await _host.Bot.NextAsync(ActivityTypes.Message);
        Assert.Equal("trợ giúp", delivered.Text);
        Assert.Null(delivered.Entities);
    }

    [Fact]
    public async Task GetActivities_OtherMembersTalk_EveryMemberSeesIt()
    {
        (await _host.SayAsync(_groupId, Lan, "Em gửi dự thảo rồi ạ")).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{_groupId}/activities");
        var (_, asTuan) = await _host.StartAsync(new { group = "Chi bộ 2 – họp kiểm điểm", user = new { id = Tuan } });
        request.Headers.Authorization = new("Bearer", asTuan.Token);
        using var response = await _host.Anonymous.SendAsync(request);
        var seen = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities")[0];

        Assert.Equal("Em gửi dự thảo rồi ạ", seen.GetProperty("text").GetString());
        Assert.Equal(Lan, seen.GetProperty("from").GetProperty("id").GetString());
    }
}
