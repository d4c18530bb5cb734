using KiemDiemBot.Core.Demo;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

public sealed class DirectLineEndpointsTests : IAsyncLifetime
{
    private readonly LocalChannelTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartConversation_SameUserTwice_ReturnsTheSamePersonalConversation()
    {
        var (firstStatus, first) = await _host.StartPersonalAsync("Lan.Tran@example.vn", "Trần Thị Lan");
        var (secondStatus, second) = await _host.StartPersonalAsync("lan.tran@example.vn", "Trần Thị Lan");

        Assert.Equal(201, firstStatus);
        Assert.Equal(200, secondStatus);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(ConversationTypes.Personal, first.ConversationType);
        Assert.False(string.IsNullOrEmpty(first.Token));
        Assert.NotEqual(_host.Secret, first.Token);
        Assert.Equal("", first.StreamUrl);
    }

    [Fact]
    public async Task StartConversation_AfterRestart_ReturnsTheSameIdAsBefore()
    {
        var (_, before) = await _host.StartPersonalAsync("minh.le@example.vn", "Lê Minh");
        await using var restarted = new LocalChannelTestHost();

        var (status, after) = await restarted.StartPersonalAsync("Minh.Le@example.vn", "Lê Minh");

        Assert.Equal(201, status);
        Assert.Equal(before.ConversationId, after.ConversationId);
    }

    [Fact]
    public async Task StartConversation_SameGroupNameFromTwoUsers_ReturnsOneSharedGroupConversation()
    {
        var (firstStatus, first) = await _host.StartAsync(new { group = "Chi bộ 1", user = new { id = "a@example.vn", name = "A" } });
        var (secondStatus, second) = await _host.StartAsync(new { group = "Chi bộ 1", user = new { id = "b@example.vn", name = "B" } });
        var (_, personal) = await _host.StartPersonalAsync("a@example.vn", "A");

        Assert.Equal(201, firstStatus);
        Assert.Equal(200, secondStatus);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(ConversationTypes.GroupChat, first.ConversationType);
        Assert.NotEqual(personal.ConversationId, first.ConversationId);
    }

    [Fact]
    public async Task StartConversation_BodyNamesNobody_Returns400()
    {
        using var response = await _host.Http.PostAsJsonAsync("v3/directline/conversations", new { locale = "vi-VN" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task StartConversation_NewConversation_SendsTheBotAConversationUpdateAddingTheUserAndTheBot()
    {
        var (_, conversation) = await _host.StartPersonalAsync("hoa.pham@example.vn", "Phạm Hoa");

        var update = await _host.Bot.NextAsync(ActivityTypes.ConversationUpdate);
        Assert.Equal(conversation.ConversationId, update.Conversation?.Id);
        Assert.Equal(ConversationTypes.Personal, update.Conversation?.ConversationType);
        Assert.Equal([LocalBot.Id, "hoa.pham@example.vn"], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal(LocalBot.Id, update.Recipient?.Id);
    }

    [Fact]
    public async Task StartConversation_SecondUserJoinsGroup_SendsAConversationUpdateAddingOnlyThatUser()
    {
        await _host.StartAsync(new { group = "Tổ 2", user = new { id = "a@example.vn", name = "A" } });
        await _host.Bot.NextAsync(ActivityTypes.ConversationUpdate);

        await _host.StartAsync(new { group = "Tổ 2", user = new { id = "b@example.vn", name = "B" } });

        var update = await _host.Bot.NextAsync(ActivityTypes.ConversationUpdate);
        Assert.Equal(["b@example.vn"], update.MembersAdded!.Select(m => m.Id));
        Assert.True(update.Conversation?.IsGroup);
        Assert.Equal("Tổ 2", update.Conversation?.Name);
    }

    [Fact]
    public async Task PostActivity_UserMessage_ReachesTheBotStampedAsDirectLine()
    {
        var (_, conversation) = await _host.StartPersonalAsync("quang@example.vn", "Quang");

        using var response = await _host.SayAsync(conversation.ConversationId, "quang@example.vn", "trợ giúp");

        var posted = await response.Content.ReadFromJsonAsync<ResourceResponse>();
        var delivered = await _host.Bot.NextAsync(ActivityTypes.Message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(posted!.Id, delivered.Id);
        Assert.Equal("trợ giúp", delivered.Text);
        Assert.Equal("directline", delivered.ChannelId);
        Assert.Equal(_host.BaseAddress.Port, new Uri(delivered.ServiceUrl!).Port);
        Assert.Equal("127.0.0.1", new Uri(delivered.ServiceUrl!).Host);
        Assert.Equal("quang@example.vn", delivered.From?.Id);
        Assert.Equal(LocalBot.Id, delivered.Recipient?.Id);
        Assert.Equal(conversation.ConversationId, delivered.Conversation?.Id);
        Assert.False(delivered.Conversation?.IsGroup);
        Assert.NotNull(delivered.Timestamp);
        Assert.Equal("", _host.Bot.LastAuthorization);
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsOnlyLaterActivitiesIncludingTheUsersOwn()
    {
        var (_, conversation) = await _host.StartPersonalAsync("thu@example.vn", "Thu");
        (await _host.SayAsync(conversation.ConversationId, "thu@example.vn", "một")).Dispose();
        var afterFirst = await _host.GetActivitiesAsync(conversation.ConversationId);
        (await _host.SayAsync(conversation.ConversationId, "thu@example.vn", "hai")).Dispose();
        (await _host.SayAsync(conversation.ConversationId, "thu@example.vn", "ba")).Dispose();

        var all = await _host.GetActivitiesAsync(conversation.ConversationId);
        var later = await _host.GetActivitiesAsync(conversation.ConversationId, afterFirst.GetProperty("watermark").GetString());
        var none = await _host.GetActivitiesAsync(conversation.ConversationId, later.GetProperty("watermark").GetString());

        Assert.Equal(["một", "hai", "ba"], Texts(all));
        Assert.All(all.GetProperty("activities").EnumerateArray(), a => Assert.Equal("thu@example.vn", a.GetProperty("from").GetProperty("id").GetString()));
        Assert.Equal(["hai", "ba"], Texts(later));
        Assert.Empty(Texts(none));
        Assert.Equal(later.GetProperty("watermark").GetString(), none.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task PostActivity_KeepsWhatWebChatNeedsToRecogniseItsOwnMessage()
    {
        var (_, conversation) = await _host.StartPersonalAsync("web@example.vn", "Web");
        var body = JsonSerializer.Deserialize<JsonElement>(
            """{"type":"message","from":{"id":"web@example.vn","role":"user"},"text":"xin chào","channelData":{"clientActivityID":"abc-123"}}""");

        (await _host.Http.PostAsJsonAsync($"v3/directline/conversations/{conversation.ConversationId}/activities", body)).Dispose();

        var all = await _host.GetActivitiesAsync(conversation.ConversationId);
        var echoed = all.GetProperty("activities")[0];
        Assert.Equal("abc-123", echoed.GetProperty("channelData").GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public async Task PostActivity_BotAnswersAnError_Returns502AndTheMessageIsNotKept()
    {
        var (_, conversation) = await _host.StartPersonalAsync("loi@example.vn", "Lợi");
        _host.Bot.StatusCode = 500;

        using var response = await _host.SayAsync(conversation.ConversationId, "loi@example.vn", "xin chào");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Empty(Texts(await _host.GetActivitiesAsync(conversation.ConversationId)));
    }

    [Fact]
    public async Task PostActivity_UnknownConversation_Returns404()
    {
        using var response = await _host.SayAsync(LocalConversationIds.Personal("nobody@example.vn"), "nobody@example.vn", "xin chào");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetConversation_WithTheConversationsToken_ReturnsItForReconnecting()
    {
        var (_, started) = await _host.StartPersonalAsync("re@example.vn", "Re");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{started.ConversationId}?watermark=3");
        request.Headers.Authorization = new("Bearer", started.Token);

        using var response = await _host.Anonymous.SendAsync(request);
        var conversation = await response.Content.ReadFromJsonAsync<DirectLineConversation>();

        Assert.Equal(started.ConversationId, conversation!.ConversationId);
        Assert.Equal(started.Token, conversation.Token);
    }

    [Fact]
    public async Task RefreshToken_ConversationToken_ReturnsTheConversationAgain()
    {
        var (_, started) = await _host.StartPersonalAsync("tok@example.vn", "Tok");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        request.Headers.Authorization = new("Bearer", started.Token);

        using var response = await _host.Anonymous.SendAsync(request);
        var refreshed = await response.Content.ReadFromJsonAsync<DirectLineConversation>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(started.ConversationId, refreshed!.ConversationId);
        Assert.Equal(started.Token, refreshed.Token);
    }

    [Fact]
    public async Task People_AfterUsersStartedConversations_ListsThemOnceAfterTheDemoRoster()
    {
        await _host.StartPersonalAsync("hai.do@example.vn", "Đỗ Hải");
        await _host.StartAsync(new { group = "Chi bộ 3", user = new { id = "yen.vu@example.vn", name = "Vũ Yến" } });
        await _host.StartPersonalAsync("Hai.Do@example.vn", "Đỗ Hải");

        var people = await _host.Http.GetFromJsonAsync<List<LocalPerson>>("local/people");

        Assert.Equal(
            [("hai.do@example.vn", "Đỗ Hải"), ("yen.vu@example.vn", "Vũ Yến")],
            people![^2..].Select(p => (p.Id, p.Name)));
        Assert.Equal(people.Count, people.Select(p => p.Id.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public async Task People_FreshEmbeddedStart_OffersTheDemoMembersWithTheirCellAndPosts()
    {
        var people = await _host.Http.GetFromJsonAsync<List<LocalPerson>>("local/people");

        var leader = Assert.Single(people!, p => p.Id == DemoOrganisation.LeaderEmail);
        Assert.Equal("Chi bộ Văn phòng Sở", leader.Cell);
        Assert.Contains("Bí thư, Ban Chấp hành Đảng bộ Sở Thông tin và Truyền thông", leader.Posts);
        Assert.Equal(3, leader.Posts.Count);
        var probationary = Assert.Single(people!, p => p.Id == DemoOrganisation.ProbationaryEmail);
        Assert.Empty(probationary.Posts);
        Assert.True(people!.Count >= 15, $"expected the demo organisation's members, got {people.Count}");
    }

    [Fact]
    public async Task Groups_FreshEmbeddedStart_OffersEachDemoCellsMeetingChat()
    {
        var groups = await _host.Http.GetFromJsonAsync<List<string>>("local/groups");

        Assert.Equal(["Chi bộ Phòng Công nghệ thông tin – họp kiểm điểm", "Chi bộ Văn phòng Sở – họp kiểm điểm"], groups);
    }

    [Fact]
    public async Task Page_Root_ServesWebChatWithThisStartsSecretAndNoCaching()
    {
        using var response = await _host.Anonymous.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();
        using var bundle = await _host.Anonymous.GetAsync("lib/webchat.js");
        using var sameFile = await _host.Anonymous.GetAsync("index.html");

        Assert.Contains("lib/webchat.js", page, StringComparison.Ordinal);
        Assert.Contains("Bạn là ai?", page, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"directline-secret\" content=\"{_host.Secret}\">", page, StringComparison.Ordinal);
        Assert.True(_host.Secret.Length >= 43, "the secret carries at least 256 random bits");
        Assert.DoesNotContain(ChatPageEndpoints.SecretPlaceholder, page, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains(_host.Secret, await sameFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Restarted_CarriesANewSecret()
    {
        await using var other = new LocalChannelTestHost();

        Assert.NotEqual(_host.Secret, other.Secret);
    }

    [Fact]
    public async Task Favicon_Requested_IsARealIcon()
    {
        using var response = await _host.Anonymous.GetAsync("favicon.ico");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.True(BitConverter.ToUInt16(bytes, 4) >= 1, "the icon holds at least one image");
    }

    private static List<string?> Texts(JsonElement activitySet) =>
        [.. activitySet.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("type").GetString() == ActivityTypes.Message)
            .Select(a => a.GetProperty("text").GetString())];
}
