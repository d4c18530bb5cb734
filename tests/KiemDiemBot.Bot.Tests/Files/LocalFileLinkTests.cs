using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using KiemDiemBot.Bot.Files;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.Bot.Tests.Files;

/// <summary>
/// "xuất file" in the local chat, through the real host in local mode: the member gets a link served by the
/// host, which downloads their .docx for ten minutes; an expired, altered or malformed link, or a request
/// addressed to a host name other than this machine's, gets no file.
/// </summary>
public sealed class LocalFileLinkTests : IAsyncLifetime
{
    private const string Email = "lan.vu@example.vn";
    private const string MemberName = "Vũ Thị Lan";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly FileTestHost files = new();
    private BotApplicationFactory host = null!;

    public Task InitializeAsync()
    {
        host = BotApplicationFactory.ForLocal(files.Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task XuatFile_LocalChat_LinkDownloadsTheMembersDocx()
    {
        var review = await FileTestHost.MemberWithReviewAsync(host.Services, Email, MemberName, objectId: null);

        var (link, cardText) = await AskForLinkWithTextAsync();
        using var response = await GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        var fileName = disposition.FileNameStar ?? disposition.FileName!.Trim('"');
        Assert.EndsWith(".docx", fileName, StringComparison.Ordinal);
        Assert.Contains($"“{fileName}”", cardText, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Contains(MemberName, document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
        Assert.Contains(review.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), document.MainDocumentPart.Document.InnerText, StringComparison.Ordinal);
        Assert.Contains(FileTestHost.ShortcomingsAnswer, document.MainDocumentPart.Document.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFile_AfterTenMinutes_RefusedWithAPageSayingHowToGetANewLink()
    {
        await FileTestHost.MemberWithReviewAsync(host.Services, Email, MemberName, objectId: null);
        var link = await AskForLinkAsync();

        files.Clock.Advance(TimeSpan.FromMinutes(9));
        using var stillValid = await GetAsync(link);
        files.Clock.Advance(TimeSpan.FromMinutes(1));
        using var expired = await GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("text/plain", expired.Content.Headers.ContentType?.MediaType);
        var page = await expired.Content.ReadAsStringAsync();
        Assert.Equal(FileMessages.LinkExpired, page.TrimEnd());
        Assert.Contains("“xuất file”", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewLinkButton_AfterTheLinkExpired_GivesALinkThatDownloads()
    {
        await FileTestHost.MemberWithReviewAsync(host.Services, Email, MemberName, objectId: null);
        var (expired, card) = await AskForLinkWithCardAsync();
        files.Clock.Advance(LocalFileLinks.Lifetime);

        await PostFromLoopbackAsync(LocalSubmit(NewLinkData(card)));
        var reply = await host.Connector.NextAsync();
        var fresh = LinkOf(reply.Activity.Attachments![0].Content!.AsObject());
        using var refused = await GetAsync(expired);
        using var downloaded = await GetAsync(fresh);

        Assert.NotEqual(expired, fresh);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal(DocxType, downloaded.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetFile_TokenAltered_Refused()
    {
        await FileTestHost.MemberWithReviewAsync(host.Services, Email, MemberName, objectId: null);
        var link = await AskForLinkAsync();
        var last = link.AbsolutePath[^1];
        var altered = new Uri(link, link.AbsolutePath[..^1] + (last == 'A' ? 'B' : 'A'));

        using var response = await GetAsync(altered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(FileMessages.LinkInvalid, (await response.Content.ReadAsStringAsync()).TrimEnd());
        Assert.NotEqual(DocxType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetFile_TokenForAnotherReview_Refused()
    {
        var lan = await FileTestHost.MemberWithReviewAsync(host.Services, Email, MemberName, objectId: null);
        var other = await FileTestHost.MemberWithReviewAsync(host.Services, "tuan.le@example.vn", "Lê Minh Tuấn", objectId: null);
        var link = await AskForLinkAsync();
        // The member's own token with the other review's id put in: the signature no longer matches.
        var swapped = new Uri(link, link.AbsolutePath.Replace(lan.ReviewId.ToString("N"), other.ReviewId.ToString("N"), StringComparison.Ordinal));

        using var response = await GetAsync(swapped);

        Assert.NotEqual(link, swapped);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("files/abc")]
    [InlineData("files/not.a.token.at.all")]
    public async Task GetFile_MalformedToken_NotFound(string path)
    {
        using var response = await GetAsync(new Uri(new Uri(BotApplicationFactory.LocalServiceUrl), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(FileMessages.LinkInvalid, (await response.Content.ReadAsStringAsync()).TrimEnd());
    }

    [Fact]
    public async Task GetFile_AddressedToAnotherHostName_RefusedBeforeTheLinkIsRead()
    {
        await FileTestHost.MemberWithReviewAsync(host.Services, Email, MemberName, objectId: null);
        var link = await AskForLinkAsync();

        using var response = await GetAsync(link, hostHeader: "kiemdiem.example.com");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(LocalHostFilter.RefusalText, (await response.Content.ReadAsStringAsync()).TrimEnd());
    }

    [Fact]
    public async Task XuatFile_LocalGroupChat_SaysFilesGoOnlyToThePersonalChat()
    {
        await FileTestHost.MemberWithReviewAsync(host.Services, Email, MemberName, objectId: null);
        var group = LocalActivity("@KiemDiemBot xuất file", LocalConversationIds.Group("Chi bộ 2 – họp kiểm điểm"), isGroup: true);
        group["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>KiemDiemBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = LocalBot.Id, ["name"] = "KiemDiemBot" },
        });
        group["text"] = "<at>KiemDiemBot</at> xuất file";

        await PostFromLoopbackAsync(group);

        Assert.Equal(FileMessages.PersonalChatOnly, (await host.Connector.NextAsync()).Activity.Text);
    }

    private async Task<Uri> AskForLinkAsync() => (await AskForLinkWithCardAsync()).Link;

    private async Task<(Uri Link, string CardText)> AskForLinkWithTextAsync()
    {
        var (link, card) = await AskForLinkWithCardAsync();
        return (link, string.Join("\n", card["body"]!.AsArray().Select(block => (string?)block!["text"]).OfType<string>()));
    }

    /// <summary>Says "xuất file" in the member's personal chat; answers the link on the card that comes back, and the card.</summary>
    private async Task<(Uri Link, JsonObject Card)> AskForLinkWithCardAsync()
    {
        await PostFromLoopbackAsync(LocalActivity("xin chào", PersonalChat, isGroup: false));
        await host.Connector.NextAsync();
        await PostFromLoopbackAsync(LocalActivity("xuất file", PersonalChat, isGroup: false));
        var reply = await host.Connector.NextAsync();
        var attachment = Assert.Single(reply.Activity.Attachments!);
        Assert.Equal(KiemDiemBot.Bot.Protocol.Attachment.AdaptiveCardContentType, attachment.ContentType);
        var card = attachment.Content!.AsObject();
        Assert.Equal(CardVerbs.ExportSelfReview, (string?)NewLinkData(card)[CardDataKeys.Verb]);
        return (LinkOf(card), card);
    }

    private static string PersonalChat => LocalConversationIds.Personal(Email);

    /// <summary>The download link on the card, on this host.</summary>
    private static Uri LinkOf(JsonObject card)
    {
        var open = Assert.Single(card["actions"]!.AsArray(), a => (string?)a!["type"] == "Action.OpenUrl")!;
        var url = new Uri((string)open["url"]!);
        Assert.StartsWith(BotApplicationFactory.LocalServiceUrl + "files/", url.AbsoluteUri, StringComparison.Ordinal);
        return url;
    }

    /// <summary>What the card's "new link" button submits.</summary>
    private static JsonObject NewLinkData(JsonObject card) =>
        Assert.Single(card["actions"]!.AsArray(), a => (string?)a!["type"] == "Action.Submit")!["data"]!.DeepClone().AsObject();

    /// <summary>A button pressed on a card in the member's personal chat, as Web Chat posts it.</summary>
    private JsonObject LocalSubmit(JsonObject value)
    {
        var activity = LocalActivity("", PersonalChat, isGroup: false);
        activity.Remove("text");
        activity["value"] = value;
        return activity;
    }

    private JsonObject LocalActivity(string text, string conversationId, bool isGroup) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = LocalChannelService.ChannelId,
        ["serviceUrl"] = BotApplicationFactory.LocalServiceUrl,
        ["from"] = new JsonObject { ["id"] = Email, ["name"] = MemberName },
        ["recipient"] = new JsonObject { ["id"] = LocalBot.Id, ["name"] = "KiemDiemBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationId,
            ["isGroup"] = isGroup,
            ["conversationType"] = isGroup ? "groupChat" : "personal",
        },
        ["text"] = text,
    };

    private async Task PostFromLoopbackAsync(JsonObject activity)
    {
        var context = await host.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = IPAddress.Loopback;
            request.Request.Method = HttpMethods.Post;
            request.Request.Path = MessagesEndpoint.Route;
            request.Request.Headers.Host = "127.0.0.1:3978";
            request.Request.ContentType = "application/json";
            request.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    /// <summary>Opens the link as the browser on this machine would (Host 127.0.0.1:3978), or with another Host header.</summary>
    private async Task<HttpResponseMessage> GetAsync(Uri link, string? hostHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery);
        request.Headers.Host = hostHeader ?? link.Authority;
        return await host.CreateClient().SendAsync(request);
    }
}
