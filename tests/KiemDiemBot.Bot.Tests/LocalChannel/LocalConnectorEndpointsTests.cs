using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

public sealed class LocalConnectorEndpointsTests : IAsyncLifetime
{
    private readonly LocalChannelTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReplyToActivity_BotAnswersAMessage_TheUserSeesTheAnswerAfterTheirMessage()
    {
        var (_, conversation) = await _host.StartPersonalAsync("an@example.vn", "An");
        using var connector = new HttpClient();
        _host.Bot.OnActivity = async activity =>
        {
            if (activity.Type != ActivityTypes.Message)
            {
                return;
            }
            var reply = activity.CreateReply("Đây là trợ giúp.");
            reply.Attachments = [Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" })];
            var url = new Uri(new Uri(activity.ServiceUrl!),
                $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activity.Id!)}");
            using var response = await connector.PostAsJsonAsync(url, reply, ProtocolJson.Options);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        };

        (await _host.SayAsync(conversation.ConversationId, "an@example.vn", "trợ giúp")).Dispose();

        var activities = (await _host.GetActivitiesAsync(conversation.ConversationId)).GetProperty("activities");
        Assert.Equal(2, activities.GetArrayLength());
        var answer = activities[1];
        Assert.Equal("Đây là trợ giúp.", answer.GetProperty("text").GetString());
        Assert.Equal(LocalBot.Id, answer.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(activities[0].GetProperty("id").GetString(), answer.GetProperty("replyToId").GetString());
        Assert.Equal(Attachment.AdaptiveCardContentType, answer.GetProperty("attachments")[0].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task SendToConversation_ProactiveMessage_IsInTheTranscriptWithANewId()
    {
        var (_, conversation) = await _host.StartPersonalAsync("binh@example.vn", "Bình");

        var first = await SendAsync(conversation.ConversationId, "Nhắc việc 1");
        var second = await SendAsync(conversation.ConversationId, "Nhắc việc 2");

        var activities = (await _host.GetActivitiesAsync(conversation.ConversationId)).GetProperty("activities");
        Assert.NotEqual(first, second);
        Assert.Equal([first, second], activities.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task SendToConversation_AfterARestartBeforeTheUserCameBack_TheUserFindsTheMessage()
    {
        var conversationId = LocalConversationIds.Personal("chi@example.vn");

        await SendAsync(conversationId, "Hạn nộp bản tự kiểm điểm");
        var (status, conversation) = await _host.StartPersonalAsync("chi@example.vn", "Chi");

        var activities = (await _host.GetActivitiesAsync(conversation.ConversationId)).GetProperty("activities");
        Assert.Equal(200, status);
        Assert.Equal("Hạn nộp bản tự kiểm điểm", activities[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task SendToConversation_IdThisChannelNeverIssues_Returns404()
    {
        using var response = await _host.Http.PostAsJsonAsync("v3/conversations/a:unknown/activities", Message("xin chào"), ProtocolJson.Options);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ConversationNotFound", (await ErrorCodeAsync(response)));
    }

    [Fact]
    public async Task SendToConversation_MessageOverTeamsSizeLimit_Returns413()
    {
        var (_, conversation) = await _host.StartPersonalAsync("dai@example.vn", "Dài");

        using var response = await _host.Http.PostAsJsonAsync(
            $"v3/conversations/{conversation.ConversationId}/activities", Message(new string('x', 60_000)), ProtocolJson.Options);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task UpdateActivity_BotReplacesACard_ThePollingClientGetsTheNewVersionWithTheSameId()
    {
        var (_, conversation) = await _host.StartPersonalAsync("cuong@example.vn", "Cường");
        var id = await SendAsync(conversation.ConversationId, "Phiếu: chưa bầu");
        var watermark = (await _host.GetActivitiesAsync(conversation.ConversationId)).GetProperty("watermark").GetString();

        using var response = await _host.Http.PutAsJsonAsync(
            $"v3/conversations/{conversation.ConversationId}/activities/{id}", Message("Phiếu: đã bầu"), ProtocolJson.Options);

        var later = (await _host.GetActivitiesAsync(conversation.ConversationId, watermark)).GetProperty("activities");
        var all = (await _host.GetActivitiesAsync(conversation.ConversationId)).GetProperty("activities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, later[0].GetProperty("id").GetString());
        Assert.Equal("Phiếu: đã bầu", later[0].GetProperty("text").GetString());
        Assert.Equal(1, all.GetArrayLength());
    }

    [Fact]
    public async Task UpdateActivity_UnknownActivity_Returns404()
    {
        var (_, conversation) = await _host.StartPersonalAsync("dung@example.vn", "Dũng");

        using var response = await _host.Http.PutAsJsonAsync(
            $"v3/conversations/{conversation.ConversationId}/activities/9999999", Message("x"), ProtocolJson.Options);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteActivity_BotDeletesAMessage_ItIsNoLongerInTheTranscript()
    {
        var (_, conversation) = await _host.StartPersonalAsync("giang@example.vn", "Giang");
        var kept = await SendAsync(conversation.ConversationId, "giữ");
        var deleted = await SendAsync(conversation.ConversationId, "xoá");

        using var response = await _host.Http.DeleteAsync($"v3/conversations/{conversation.ConversationId}/activities/{deleted}");

        var activities = (await _host.GetActivitiesAsync(conversation.ConversationId)).GetProperty("activities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([kept], activities.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task CreateConversation_OneMember_ReturnsThatMembersPersonalConversation()
    {
        var parameters = new ConversationParameters { Members = [new ChannelAccount { Id = "ha@example.vn" }], Activity = Message("Chào Hà") };

        using var response = await _host.Http.PostAsJsonAsync("v3/conversations", parameters, ProtocolJson.Options);
        var created = await response.Content.ReadFromJsonAsync<ConversationResourceResponse>();
        var (_, opened) = await _host.StartPersonalAsync("ha@example.vn", "Hà");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(opened.ConversationId, created!.Id);
        var activities = (await _host.GetActivitiesAsync(opened.ConversationId)).GetProperty("activities");
        Assert.Equal("Chào Hà", activities[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task CreateConversation_Group_Returns400BadSyntaxAsTeamsDoes()
    {
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Members = [new ChannelAccount { Id = "a@example.vn" }, new ChannelAccount { Id = "b@example.vn" }],
        };

        using var response = await _host.Http.PostAsJsonAsync("v3/conversations", parameters, ProtocolJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadSyntax", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task PagedMembers_GroupWhereTwoPeopleWrote_ListsBothButNotTheBot()
    {
        var (_, group) = await _host.StartAsync(new { group = "Chi bộ 5", user = new { id = "khanh@example.vn", name = "Khánh" } });
        (await _host.SayAsync(group.ConversationId, "long@example.vn", "xin chào")).Dispose();
        await SendAsync(group.ConversationId, "Chào cả nhóm");

        var page = await _host.Http.GetFromJsonAsync<PagedMembersResult>($"v3/conversations/{group.ConversationId}/pagedmembers?pageSize=10");
        var members = await _host.Http.GetFromJsonAsync<List<TeamsChannelAccount>>($"v3/conversations/{group.ConversationId}/members");

        Assert.Equal(["khanh@example.vn", "long@example.vn"], page!.Members.Select(m => m.Id));
        Assert.Equal("Khánh", page.Members[0].Name);
        Assert.Null(page.ContinuationToken);
        Assert.Equal(["khanh@example.vn", "long@example.vn"], members!.Select(m => m.Id));
    }

    [Fact]
    public async Task GetMember_SomeoneNotInTheConversation_Returns404()
    {
        var (_, conversation) = await _host.StartPersonalAsync("lam@example.vn", "Lâm");

        using var member = await _host.Http.GetAsync($"v3/conversations/{conversation.ConversationId}/members/lam@example.vn");
        using var stranger = await _host.Http.GetAsync($"v3/conversations/{conversation.ConversationId}/members/other@example.vn");

        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    private async Task<string?> SendAsync(string conversationId, string text)
    {
        using var response = await _host.Http.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", Message(text), ProtocolJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ResourceResponse>())!.Id;
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString();
}
