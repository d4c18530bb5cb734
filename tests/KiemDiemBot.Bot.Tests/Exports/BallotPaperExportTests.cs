using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Dialogs.Exports;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Exports;

/// <summary>
/// "xuất biên bản" and "xuất danh sách xếp loại" through the real host in local mode, on the demo organisation with
/// a closed ballot of the office cell held in its meeting chat: the file goes only to the secretary's personal chat,
/// as a download link served by the host, and opens as the minutes or the ranking list.
/// </summary>
public sealed class BallotPaperExportTests : IAsyncLifetime
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string MeetingChat = "Chi bộ Văn phòng Sở – họp kiểm điểm";
    private const string CellSecretary = "huong.pham@" + DemoOrganisation.EmailDomain;
    private const string CommitteeSecretary = "hung.nguyen@" + DemoOrganisation.EmailDomain;
    private const string PlainMember = "ngoc.ngo@" + DemoOrganisation.EmailDomain;

    private BotApplicationFactory host = null!;
    private TestBallot ballot = null!;

    public async Task InitializeAsync()
    {
        host = BotApplicationFactory.ForLocal(new TestHostSettings
        {
            Services = services => services.AddKiemDiemExportDialogs(),
        });
        ballot = await TestBallots.ClosedRankingBallotAsync(
            host.Services, DemoOrganisation.OfficeCellCode, LocalChannelService.ChannelId, LocalConversationIds.Group(MeetingChat), decide: true);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task XuatBienBan_MeetingChat_CardInThePersonalChatWhoseButtonGivesALinkToTheMinutes()
    {
        await SayHelloAsync(CellSecretary);

        await PostAsync(GroupMessage(CellSecretary, "xuất biên bản"));
        var first = await host.Connector.NextAsync();
        var second = await ReceiveProactiveAsync();

        var group = Assert.Single([first, second], s => s.ConversationId == LocalConversationIds.Group(MeetingChat));
        var personal = Assert.Single([first, second], s => s.ConversationId == LocalConversationIds.Personal(CellSecretary));
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, BallotExportDialogTexts.SentToPersonalChat, "biên bản họp"), group.Activity.Text);
        Assert.Null(group.Activity.Attachments);
        var ready = Assert.Single(personal.Activity.Attachments!).Content!.AsObject();
        var button = SubmitData(ready);
        Assert.Equal(CardVerbs.ExportMinutes, (string?)button[CardDataKeys.Verb]);

        await PostAsync(Submit(CellSecretary, button));
        var offer = await host.Connector.NextAsync();
        using var response = await GetAsync(LinkOf(offer));

        Assert.Equal(LocalConversationIds.Personal(CellSecretary), offer.ConversationId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var text = document.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("BIÊN BẢN HỌP", text, StringComparison.Ordinal);
        Assert.Contains("KẾT QUẢ XẾP LOẠI ĐƯỢC THÔNG QUA", text, StringComparison.Ordinal);
        Assert.All(ballot.SubjectNames, name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.Contains($"Số phiếu phát ra: {ballot.VotesEach}; số phiếu thu về: {ballot.VotesEach}.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XuatBienBan_CommitteeBallotClosedLaterInTheChat_CellSecretaryGetsTheCellsMinutes()
    {
        await TestBallots.ClosedRankingBallotAsync(host.Services, DemoOrganisation.GrassrootsCode, LocalChannelService.ChannelId,
            LocalConversationIds.Group(MeetingChat), decide: false, closedAt: DateTimeOffset.UnixEpoch.AddDays(1));
        await SayHelloAsync(CellSecretary);

        await PostAsync(GroupMessage(CellSecretary, "xuất biên bản"));
        await host.Connector.NextAsync();
        var ready = await ReceiveProactiveAsync();

        var button = SubmitData(Assert.Single(ready.Activity.Attachments!).Content!.AsObject());
        Assert.Equal(ballot.BallotId.ToString("D"), (string?)button[CardDataKeys.Ballot]);
    }

    [Fact]
    public async Task XuatBienBan_NoPersonalChatYet_SaysToOpenOneFirst()
    {
        await PostAsync(GroupMessage(CellSecretary, "xuất biên bản"));

        var reply = await host.Connector.NextAsync();

        Assert.Equal(BallotExportDialogTexts.PersonalChatUnknown, reply.Activity.Text);
        Assert.Null(await host.Connector.TryNextAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task XuatBienBan_PersonalChat_SaysToAskInTheMeetingChat()
    {
        await SayHelloAsync(CellSecretary);

        await PostAsync(PersonalMessage(CellSecretary, "xuất biên bản"));

        Assert.Equal(BallotExportDialogTexts.MinutesInMeetingChat, (await host.Connector.NextAsync()).Activity.Text);
    }

    [Fact]
    public async Task XuatBienBan_MemberWhoLeadsNothing_RefusedAndNothingSent()
    {
        await SayHelloAsync(PlainMember);

        await PostAsync(GroupMessage(PlainMember, "xuất biên bản"));

        Assert.Equal(BallotExportDialogTexts.NotAllowed, (await host.Connector.NextAsync()).Activity.Text);
        Assert.Null(await host.Connector.TryNextAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task XuatDanhSachXepLoai_CommitteeSecretary_LinkDownloadsTheRankingListWithItsThreeSheets()
    {
        await SayHelloAsync(CommitteeSecretary);

        await PostAsync(PersonalMessage(CommitteeSecretary, "xuất danh sách xếp loại"));
        var offer = await host.Connector.NextAsync();
        using var response = await GetAsync(LinkOf(offer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Danh sách xếp loại", "Thống kê", "Chưa xếp loại"], sheets);
        var ranked = workbook.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.InnerText).ToList();
        Assert.Contains(ranked, sheet => ballot.SubjectNames.All(name => sheet.Contains(name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task XuatDanhSachXepLoai_CellSecretaryAskingForTheCommittee_Refused()
    {
        await SayHelloAsync(CellSecretary);
        var committee = JsonNode.Parse(BallotPaperRequest.RankingList(ballot.CycleId, Guid.Empty).Button("x")["data"]!.ToJsonString())!.AsObject();
        var parent = await CommitteeIdAsync();
        committee[CardDataKeys.Body] = parent.ToString("D");

        await PostAsync(Submit(CellSecretary, committee));

        Assert.Equal(BallotExportDialogTexts.NotAllowed, (await host.Connector.NextAsync()).Activity.Text);
    }

    /// <summary>The next message the bot sends on its own (through the outbox, found by the dispatcher's poll), letting poll intervals pass.</summary>
    private async Task<SentActivity> ReceiveProactiveAsync()
    {
        for (var round = 0; round < 50; round++)
        {
            if (await host.Connector.TryNextAsync(TimeSpan.FromMilliseconds(200)) is { } sent)
            {
                return sent;
            }
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        throw new TimeoutException("The bot sent nothing more.");
    }

    private async Task<Guid> CommitteeIdAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var leadership = scope.ServiceProvider.GetRequiredService<KiemDiemBot.Core.Identity.ILeadershipScopes>();
        var directory = scope.ServiceProvider.GetRequiredService<KiemDiemBot.Core.Identity.ITurnMemberDirectory>();
        var hung = (await directory.FindByEmailAsync(CommitteeSecretary, CancellationToken.None))!;
        return (await leadership.GrassrootsLedAsync(hung, CancellationToken.None)).Single().Id;
    }

    private async Task SayHelloAsync(string email)
    {
        await PostAsync(PersonalMessage(email, "xin chào"));
        await host.Connector.NextAsync();
    }

    /// <summary>The download link on the card, on this host.</summary>
    private static Uri LinkOf(SentActivity offer)
    {
        var card = Assert.Single(offer.Activity.Attachments!).Content!.AsObject();
        var open = Assert.Single(card["actions"]!.AsArray(), a => (string?)a!["type"] == "Action.OpenUrl")!;
        var url = new Uri((string)open["url"]!);
        Assert.StartsWith(BotApplicationFactory.LocalServiceUrl + "files/papers/", url.AbsoluteUri, StringComparison.Ordinal);
        return url;
    }

    private static JsonObject SubmitData(JsonObject card) =>
        Assert.Single(card["actions"]!.AsArray(), a => (string?)a!["type"] == "Action.Submit")!["data"]!.DeepClone().AsObject();

    private static JsonObject PersonalMessage(string email, string text) => Activity(email, text, LocalConversationIds.Personal(email), isGroup: false);

    private static JsonObject GroupMessage(string email, string text)
    {
        var activity = Activity(email, "<at>KiemDiemBot</at> " + text, LocalConversationIds.Group(MeetingChat), isGroup: true);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>KiemDiemBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = LocalBot.Id, ["name"] = "KiemDiemBot" },
        });
        activity["conversation"]!["name"] = MeetingChat;
        return activity;
    }

    /// <summary>A button pressed on a card in the member's personal chat, as Web Chat posts it.</summary>
    private static JsonObject Submit(string email, JsonObject value)
    {
        var activity = Activity(email, "", LocalConversationIds.Personal(email), isGroup: false);
        activity.Remove("text");
        activity["value"] = value;
        return activity;
    }

    private static JsonObject Activity(string email, string text, string conversationId, bool isGroup) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = LocalChannelService.ChannelId,
        ["serviceUrl"] = BotApplicationFactory.LocalServiceUrl,
        ["from"] = new JsonObject { ["id"] = email, ["name"] = email },
        ["recipient"] = new JsonObject { ["id"] = LocalBot.Id, ["name"] = "KiemDiemBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationId,
            ["isGroup"] = isGroup,
            ["conversationType"] = isGroup ? "groupChat" : "personal",
        },
        ["text"] = text,
    };

    private async Task PostAsync(JsonObject activity)
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

    /// <summary>Opens the link as the browser on this machine would.</summary>
    private async Task<HttpResponseMessage> GetAsync(Uri link)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery);
        request.Headers.Host = link.Authority;
        return await host.CreateClient().SendAsync(request);
    }
}
