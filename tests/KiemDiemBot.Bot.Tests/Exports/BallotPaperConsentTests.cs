using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using KiemDiemBot.Bot.Files;
using KiemDiemBot.Bot.Tests.Files;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Dialogs.Exports;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.Exports;

/// <summary>
/// The ballot papers in Teams, through the real host: the meeting chat's "xuất biên bản" sends a card to the
/// secretary's personal chat (file consent works only there), its button brings Teams' file consent card, and the
/// answer (<c>fileConsent/invoke</c>) uploads the minutes to the fake upload session, or sends nothing when declined
/// or when someone other than the body's secretary or deputy answers.
/// </summary>
public sealed class BallotPaperConsentTests : IAsyncLifetime
{
    private const string GroupChat = "19:meeting-office@thread.v2";
    private const string UniqueId = "5d0c2a9e-1f4b-4c6e-8a3d-7b9e2f1c0a44";
    private const string ContentUrl = "https://" + FakeUploadServer.Host + "/personal/secretary/Documents/Applications/KiemDiemBot/Bien-ban.docx";

    private readonly FileTestHost files = new();
    private ChannelBot bot = null!;
    private TestBallot ballot = null!;
    private TestScene secretary = null!;

    private BotApplicationFactory Host => bot.Factory;

    public async Task InitializeAsync()
    {
        var settings = files.Settings;
        bot = await ChannelBot.StartAsync(settings with
        {
            Services = services =>
            {
                settings.Services!(services);
                services.AddKiemDiemExportDialogs();
            },
        });
        secretary = TestScene.Personal() with { OnRoster = false };
        await DemoPeople.LinkAsync(Host.Services, DemoPeople.Huong, Guid.Parse(secretary.UserAadObjectId));
        ballot = await TestBallots.ClosedRankingBallotAsync(Host.Services, DemoOrganisation.OfficeCellCode, "msteams", GroupChat, decide: false);
        await bot.PostAsync(secretary, secretary.Message("xin chào"));
        await Host.Connector.NextAsync();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task XuatBienBan_TeamsMeetingChat_CardInThePersonalChatThenConsentThenTheMinutesUploaded()
    {
        var group = secretary with { ConversationId = GroupChat, ConversationType = "groupChat" };

        await bot.PostAsync(group, group.MessageMentioningBot("xuất biên bản"));
        var line = await Host.Connector.NextAsync();
        var ready = await ReceiveProactiveAsync();
        await bot.PostAsync(secretary, secretary.Submit(SubmitData(ready)));
        var consent = await Host.Connector.NextAsync();
        var response = await bot.PostAsync(secretary, Answer(secretary, consent, "accept", FakeUploadServer.NewSession()));

        Assert.Equal(GroupChat, line.ConversationId);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, BallotExportDialogTexts.SentToPersonalChat, "biên bản họp"), line.Activity.Text);
        Assert.Equal(secretary.ConversationId, ready.ConversationId);
        Assert.Equal(secretary.ConversationId, consent.ConversationId);
        var attachment = Assert.Single(consent.Activity.Attachments!);
        Assert.Equal(FileConsentCard.ContentType, attachment.ContentType);
        Assert.Equal("Bien-ban-2026-Chi-Bo-Van-Phong-So.docx", attachment.Name);
        Assert.Equal(ballot.BallotId, BallotPaperRequest.FromConsentContext(attachment.Content!["acceptContext"])!.BallotId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upload = Assert.Single(files.Upload.Uploads);
        Assert.False(upload.HadAuthorization);
        using (var document = WordprocessingDocument.Open(new MemoryStream(upload.Body), isEditable: false))
        {
            var text = document.MainDocumentPart!.Document!.InnerText;
            Assert.Contains("BIÊN BẢN HỌP", text, StringComparison.Ordinal);
            Assert.All(ballot.SubjectNames, name => Assert.Contains(name, text, StringComparison.Ordinal));
        }
        var replaced = await Host.Connector.NextAsync();
        Assert.Equal(consent.SentId, replaced.UpdatedActivityId);
        Assert.Contains("Đã gửi biên bản họp", CardText(replaced), StringComparison.Ordinal);
        var fileCard = await Host.Connector.NextAsync();
        Assert.Equal(FileInfoCard.ContentType, Assert.Single(fileCard.Activity.Attachments!).ContentType);
    }

    [Fact]
    public async Task BallotPaperConsent_Declined_NothingUploadedAndAButtonToSendItAgain()
    {
        var consent = await OfferMinutesAsync();

        var response = await bot.PostAsync(secretary, Answer(secretary, consent, "decline", session: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(files.Upload.Uploads);
        var replaced = await Host.Connector.NextAsync();
        Assert.Equal(consent.SentId, replaced.UpdatedActivityId);
        Assert.Contains("không nhận biên bản họp", CardText(replaced), StringComparison.Ordinal);
        Assert.Equal(CardVerbs.ExportMinutes, (string?)SubmitData(replaced)[CardDataKeys.Verb]);
    }

    [Fact]
    public async Task BallotPaperConsent_AnsweredByAMemberWhoLeadsNothing_ForbiddenAndNothingUploaded()
    {
        var consent = await OfferMinutesAsync();
        var member = TestScene.Personal() with { OnRoster = false };
        await DemoPeople.LinkAsync(Host.Services, DemoPeople.Ngoc, Guid.Parse(member.UserAadObjectId));

        var response = await bot.PostAsync(member, Answer(member, consent, "accept", FakeUploadServer.NewSession()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(files.Upload.Uploads);
    }

    /// <summary>The minutes button pressed in the secretary's personal chat: Teams' file consent card comes back.</summary>
    private async Task<SentActivity> OfferMinutesAsync()
    {
        var data = BallotPaperRequest.Minutes(ballot.BallotId).Button("x")["data"]!.DeepClone().AsObject();
        await bot.PostAsync(secretary, secretary.Submit(data));
        return await Host.Connector.NextAsync();
    }

    /// <summary>The next message the bot sends on its own (through the outbox, found by the dispatcher's poll).</summary>
    private async Task<SentActivity> ReceiveProactiveAsync()
    {
        for (var round = 0; round < 50; round++)
        {
            if (await Host.Connector.TryNextAsync(TimeSpan.FromMilliseconds(200)) is { } sent)
            {
                return sent;
            }
            files.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        throw new TimeoutException("The bot sent nothing more.");
    }

    /// <summary>The secretary's answer on the consent card, as Teams posts it.</summary>
    private static JsonObject Answer(TestScene scene, SentActivity consent, string action, Uri? session)
    {
        var card = consent.Activity.Attachments![0].Content!;
        var value = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = action,
            ["context"] = card[action == "accept" ? "acceptContext" : "declineContext"]!.DeepClone(),
        };
        if (session is not null)
        {
            value["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = ContentUrl,
                ["name"] = "Bien-ban.docx",
                ["uploadUrl"] = session.AbsoluteUri,
                ["uniqueId"] = UniqueId,
                ["fileType"] = "docx",
            };
        }
        var invoke = scene.Invoke(FileConsentValue.InvokeName, value);
        invoke["replyToId"] = consent.SentId;
        return invoke;
    }

    private static string CardText(SentActivity sent) =>
        string.Join("\n", Objects(sent.Activity.Attachments![0].Content).Select(o => (string?)o["text"]).OfType<string>());

    private static JsonObject SubmitData(SentActivity sent) =>
        Objects(sent.Activity.Attachments![0].Content).Single(o => (string?)o["type"] == "Action.Submit")["data"]!.DeepClone().AsObject();

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Objects).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
