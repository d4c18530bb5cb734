using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

/// <summary>
/// Local mode serves the person at this machine only: requests another web page or another machine could
/// make (a foreign Host name, a plain-text body, no or a wrong Direct Line secret, another conversation's
/// token) are refused with one line, store nothing in the transcript and deliver nothing to the bot.
/// </summary>
public sealed class LocalModeRefusalTests : IAsyncLifetime
{
    private const string Email = "an.nguyen@example.vn";

    private readonly LocalChannelTestHost _host = new();
    private string _conversationId = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        var (_, conversation) = await _host.StartPersonalAsync(Email, "Nguyễn An");
        _conversationId = conversation.ConversationId;
        _token = conversation.Token;
        (await _host.SayAsync(_conversationId, Email, "tin đầu")).Dispose();
        _host.Bot.Drain();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Other sites' names, LAN-style names and addresses, and this machine's own name as the LAN knows it.</summary>
    public static TheoryData<string> ForeignHosts()
    {
        var hosts = new TheoryData<string>
        {
            "evil.example",
            "evil.example:3978",
            "kiemdiem-laptop.local:3978",
            "DESKTOP-7QK2M3B",
            "192.168.1.20:3978",
            "127.0.0.1.nip.io",
        };
        if (!LocalHostFilter.IsLoopbackName(Dns.GetHostName()))
        {
            hosts.Add(Dns.GetHostName() + ":3978");
        }
        return hosts;
    }

    [Theory]
    [MemberData(nameof(ForeignHosts))]
    public async Task AnyRequest_ForeignHostHeader_Refused400WithOneLineAndNothingHappens(string hostHeader)
    {
        using var page = Request(HttpMethod.Get, "/", hostHeader);
        using var post = Request(HttpMethod.Post, $"v3/directline/conversations/{_conversationId}/activities", hostHeader, Message("tin lạ"));
        using var start = Request(HttpMethod.Post, "v3/directline/conversations", hostHeader, new { user = new { id = "khach@example.vn" } });
        using var connector = Request(HttpMethod.Post, $"v3/conversations/{_conversationId}/activities", hostHeader, Message("giả bot"));

        foreach (var request in new[] { page, post, start, connector })
        {
            using var response = await _host.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(LocalHostFilter.RefusalText + "\n", body);
        }
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:3978")]
    [InlineData("127.0.0.1:3978")]
    [InlineData("[::1]:3978")]
    public async Task Page_LoopbackHostHeader_IsServed(string hostHeader)
    {
        using var request = Request(HttpMethod.Get, "/", hostHeader);

        using var response = await _host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_TextPlainBodyWithTheSecret_Refused415AndNothingHappens()
    {
        using var content = new StringContent("""{"type":"message","from":{"id":"an.nguyen@example.vn"},"text":"tin lạ"}""", Encoding.UTF8, "text/plain");

        using var response = await _host.Http.PostAsync($"v3/directline/conversations/{_conversationId}/activities", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UnsupportedMediaType", await ErrorCodeAsync(response));
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task StartConversation_NonJsonBody_Refused415AndNoConversationStarts(string contentType)
    {
        using var content = new StringContent("""{"user":{"id":"khach@example.vn"}}""");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await _host.Http.PostAsync("v3/directline/conversations", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(_host.Bot.Drain());
        var people = await _host.Http.GetFromJsonAsync<JsonElement>("local/people");
        Assert.DoesNotContain(people.EnumerateArray(), p => p.GetProperty("id").GetString() == "khach@example.vn");
    }

    [Fact]
    public async Task ConnectorSend_TextPlainBody_Refused415AndNothingIsAdded()
    {
        using var content = new StringContent("""{"type":"message","text":"giả bot"}""", Encoding.UTF8, "text/plain");

        using var response = await _host.Anonymous.PostAsync($"v3/conversations/{_conversationId}/activities", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task EveryDirectLineCall_WithoutTheSecret_Refused401AndNothingHappens()
    {
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => _host.Anonymous.PostAsJsonAsync("v3/directline/conversations", new { user = new { id = "khach@example.vn" } }),
            () => _host.Anonymous.GetAsync($"v3/directline/conversations/{_conversationId}"),
            () => _host.Anonymous.PostAsJsonAsync($"v3/directline/conversations/{_conversationId}/activities", Message("tin lạ"), ProtocolJson.Options),
            () => _host.Anonymous.GetAsync($"v3/directline/conversations/{_conversationId}/activities"),
            () => _host.Anonymous.PostAsync("v3/directline/tokens/refresh", null),
            () => _host.Anonymous.GetAsync("local/people"),
            () => _host.Anonymous.GetAsync("local/groups"),
        };

        foreach (var call in calls)
        {
            using var response = await call();
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Unauthorized", await ErrorCodeAsync(response));
        }
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("Bearer wrong-secret")]
    [InlineData("Bearer dl.p-0000.AAAA")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    public async Task EveryDirectLineCall_WithAWrongCredential_Refused403AndNothingHappens(string authorization)
    {
        foreach (var (method, path, body) in DirectLineCalls())
        {
            using var request = Request(method, path, hostHeader: null, body);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await _host.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task TokenOfAnotherConversation_CannotReadOrWriteThisOne()
    {
        var (_, other) = await _host.StartPersonalAsync("binh.tran@example.vn", "Trần Bình");
        _host.Bot.Drain();

        using var read = Request(HttpMethod.Get, $"v3/directline/conversations/{_conversationId}/activities", hostHeader: null);
        read.Headers.Authorization = new("Bearer", other.Token);
        using var write = Request(HttpMethod.Post, $"v3/directline/conversations/{_conversationId}/activities", hostHeader: null, Message("tin lạ"));
        write.Headers.Authorization = new("Bearer", other.Token);
        using var reconnect = Request(HttpMethod.Get, $"v3/directline/conversations/{_conversationId}", hostHeader: null);
        reconnect.Headers.Authorization = new("Bearer", other.Token);
        using var start = Request(HttpMethod.Post, "v3/directline/conversations", hostHeader: null, new { user = new { id = Email } });
        start.Headers.Authorization = new("Bearer", other.Token);

        foreach (var request in new[] { read, write, reconnect, start })
        {
            using var response = await _host.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task ConversationToken_OpensItsOwnConversation()
    {
        using var write = Request(HttpMethod.Post, $"v3/directline/conversations/{_conversationId}/activities", hostHeader: null, Message("tin thật"));
        write.Headers.Authorization = new("Bearer", _token);

        using var response = await _host.Anonymous.SendAsync(write);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tin thật", (await _host.Bot.NextAsync(ActivityTypes.Message)).Text);
    }

    [Fact]
    public async Task PostActivity_SenderClaimsToBeTheBot_Refused400AndNothingHappens()
    {
        using var response = await _host.Http.PostAsJsonAsync(
            $"v3/directline/conversations/{_conversationId}/activities",
            new Activity { Type = ActivityTypes.Message, From = new ChannelAccount { Id = "28:kiemdiembot-local", Role = "bot" }, Text = "giả bot" },
            ProtocolJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    private IEnumerable<(HttpMethod Method, string Path, object? Body)> DirectLineCalls() =>
    [
        (HttpMethod.Post, "v3/directline/conversations", new { user = new { id = "khach@example.vn" } }),
        (HttpMethod.Get, $"v3/directline/conversations/{_conversationId}", null),
        (HttpMethod.Post, $"v3/directline/conversations/{_conversationId}/activities", Message("tin lạ")),
        (HttpMethod.Get, $"v3/directline/conversations/{_conversationId}/activities", null),
        (HttpMethod.Post, "v3/directline/tokens/refresh", null),
        (HttpMethod.Get, "local/people", null),
    ];

    /// <summary>The transcript holds only the first message and the bot got nothing more.</summary>
    private async Task AssertNothingHappenedAsync()
    {
        var activities = (await _host.GetActivitiesAsync(_conversationId)).GetProperty("activities");
        Assert.Equal(["tin đầu"], activities.EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Empty(_host.Bot.Drain());
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? hostHeader, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (hostHeader is not null)
        {
            request.Headers.Host = hostHeader;
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ProtocolJson.Options);
        }
        return request;
    }

    private static Activity Message(string text) =>
        new() { Type = ActivityTypes.Message, From = new ChannelAccount { Id = Email }, Text = text };

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString();
}
