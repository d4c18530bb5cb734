using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using KiemDiemBot.Bot.Files;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.Files;

/// <summary>
/// "xuất file" in Teams, through the real host on SQLite and on PostgreSQL: the file consent card in the member's personal chat, and their
/// answer (<c>fileConsent/invoke</c>) against the fake Connector and a fake upload session: accepted (the .docx
/// is PUT to the session, then the file card follows), declined, an upload that keeps failing, and the same
/// invoke delivered twice.
/// </summary>
public abstract class FileConsentTests(StorageProvider provider) : IAsyncLifetime
{
    private const string MemberName = "Nguyễn Văn An";

    private readonly FileTestHost files = new();
    private MigratedStorage storage = null!;
    private ChannelBot bot = null!;

    private BotApplicationFactory Host => bot.Factory;

    public async Task InitializeAsync()
    {
        storage = await MigratedStorage.CreateAsync(provider, files.Clock);
        bot = await ChannelBot.StartAsync(files.Settings with { Provider = storage.Provider, ConnectionString = storage.ConnectionString });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task XuatFile_PersonalChat_OffersTheReviewOnAFileConsentCard()
    {
        var (scene, review) = await MemberWithReviewAsync();

        var consent = await OfferAsync(scene);

        var attachment = Assert.Single(consent.Activity.Attachments!);
        Assert.Equal(FileConsentCard.ContentType, attachment.ContentType);
        Assert.EndsWith(".docx", attachment.Name, StringComparison.Ordinal);
        var content = attachment.Content!.AsObject();
        Assert.Contains(review.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)content["description"]!, StringComparison.Ordinal);
        Assert.True((long)content["sizeInBytes"]! > 0);
        Assert.Equal(new FileConsentContext(review.ReviewId, review.Version), FileConsentContext.TryRead(content["acceptContext"]));
        Assert.Equal(new FileConsentContext(review.ReviewId, review.Version), FileConsentContext.TryRead(content["declineContext"]));
        Assert.Empty(files.Upload.Uploads);
    }

    [Fact]
    public async Task FileConsentAccept_UploadsTheDocxWithItsRange_ThenTheFileCardFollows()
    {
        var (scene, review) = await MemberWithReviewAsync();
        var consent = await OfferAsync(scene);
        var session = FakeUploadServer.NewSession();

        var response = await bot.PostAsync(scene, Answer(scene, consent, "accept", session));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upload = Assert.Single(files.Upload.Uploads);
        Assert.Equal(HttpMethod.Put, upload.Method);
        Assert.Equal(session, upload.Url);
        Assert.Equal($"bytes 0-{upload.Body.Length - 1}/{upload.Body.Length}", upload.ContentRange);
        Assert.False(upload.HadAuthorization);
        using (var document = WordprocessingDocument.Open(new MemoryStream(upload.Body), isEditable: false))
        {
            var text = document.MainDocumentPart!.Document!.InnerText;
            Assert.Contains(MemberName, text, StringComparison.Ordinal);
            Assert.Contains(review.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            Assert.Contains(FileTestHost.ShortcomingsAnswer, text, StringComparison.Ordinal);
        }
        var replaced = await Host.Connector.NextAsync();
        Assert.Equal(consent.SentId, replaced.UpdatedActivityId);
        Assert.Contains("Đã gửi", CardText(replaced), StringComparison.Ordinal);
        Assert.Empty(SubmitVerbs(replaced));
        var fileCard = await Host.Connector.NextAsync();
        Assert.Null(fileCard.UpdatedActivityId);
        Assert.Equal(scene.ConversationId, fileCard.ConversationId);
        var info = Assert.Single(fileCard.Activity.Attachments!);
        Assert.Equal(FileInfoCard.ContentType, info.ContentType);
        Assert.Equal("Ban tu kiem diem.docx", info.Name);
        Assert.Equal(ContentUrl, info.ContentUrl);
        Assert.Equal(UniqueId, (string)info.Content!["uniqueId"]!);
        Assert.Equal("docx", (string)info.Content!["fileType"]!);
    }

    [Fact]
    public async Task FileConsentDecline_NothingUploaded_CardSaysNotSentAndHowToGetItAgain()
    {
        var (scene, _) = await MemberWithReviewAsync();
        var consent = await OfferAsync(scene);

        var response = await bot.PostAsync(scene, Answer(scene, consent, "decline", session: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replaced = await Host.Connector.NextAsync();
        Assert.Equal(consent.SentId, replaced.UpdatedActivityId);
        var text = CardText(replaced);
        Assert.Contains("không gửi", text, StringComparison.Ordinal);
        Assert.Contains("“xuất file”", text, StringComparison.Ordinal);
        Assert.Equal([CardVerbs.ExportSelfReview], SubmitVerbs(replaced));
        Assert.Empty(files.Upload.Uploads);
        await AssertNothingElseSentAsync(scene);
    }

    [Fact]
    public async Task FileConsentDecline_SendAgainButtonPressed_OffersTheFileAgain()
    {
        var (scene, review) = await MemberWithReviewAsync();
        var consent = await OfferAsync(scene);
        await bot.PostAsync(scene, Answer(scene, consent, "decline", session: null));
        var declined = await Host.Connector.NextAsync();

        var again = SubmitData(declined);
        await bot.PostAsync(scene, scene.Submit(again));

        var offer = await Host.Connector.NextAsync();
        var attachment = Assert.Single(offer.Activity.Attachments!);
        Assert.Equal(FileConsentCard.ContentType, attachment.ContentType);
        Assert.Equal(new FileConsentContext(review.ReviewId, review.Version), FileConsentContext.TryRead(attachment.Content!["acceptContext"]));
    }

    [Fact]
    public async Task FileConsentAccept_UploadAnswers503Throughout_RetriedThenMemberToldNotSent()
    {
        var (scene, _) = await MemberWithReviewAsync();
        var consent = await OfferAsync(scene);
        files.Upload.FailAlways(HttpStatusCode.ServiceUnavailable);

        var answering = bot.PostAsync(scene, Answer(scene, consent, "accept", FakeUploadServer.NewSession()));
        await files.PassBackoffAsync(FileTestHost.FirstUploadBackoff);
        await files.PassBackoffAsync(FileTestHost.SecondUploadBackoff);
        var response = await answering;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, files.Upload.Uploads.Count);
        Assert.All(files.Upload.Uploads, upload => Assert.Equal(503, upload.AnsweredStatus));
        var replaced = await Host.Connector.NextAsync();
        Assert.Equal(consent.SentId, replaced.UpdatedActivityId);
        var text = CardText(replaced);
        Assert.Contains("chưa được gửi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã gửi", text, StringComparison.Ordinal);
        Assert.Equal([CardVerbs.ExportSelfReview], SubmitVerbs(replaced));
        await AssertNothingElseSentAsync(scene);
    }

    [Fact]
    public async Task FileConsentAccept_UploadAnswers503Once_RetriedAndSent()
    {
        var (scene, _) = await MemberWithReviewAsync();
        var consent = await OfferAsync(scene);
        files.Upload.FailNext(1, HttpStatusCode.ServiceUnavailable);

        var answering = bot.PostAsync(scene, Answer(scene, consent, "accept", FakeUploadServer.NewSession()));
        await files.PassBackoffAsync(FileTestHost.FirstUploadBackoff);
        var response = await answering;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([503, 201], files.Upload.Uploads.Select(upload => upload.AnsweredStatus));
        Assert.Contains("Đã gửi", CardText(await Host.Connector.NextAsync()), StringComparison.Ordinal);
        Assert.Equal(FileInfoCard.ContentType, Assert.Single((await Host.Connector.NextAsync()).Activity.Attachments!).ContentType);
    }

    [Fact]
    public async Task FileConsentAccept_UploadAddressNotHttps_NothingSentAndMemberToldNotSent()
    {
        var (scene, _) = await MemberWithReviewAsync();
        var consent = await OfferAsync(scene);
        var plainHttp = new UriBuilder(FakeUploadServer.NewSession()) { Scheme = Uri.UriSchemeHttp, Port = -1 }.Uri;

        var response = await bot.PostAsync(scene, Answer(scene, consent, "accept", plainHttp));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(files.Upload.Uploads);
        var replaced = await Host.Connector.NextAsync();
        Assert.Equal(consent.SentId, replaced.UpdatedActivityId);
        Assert.Contains("chưa được gửi", CardText(replaced), StringComparison.Ordinal);
        await AssertNothingElseSentAsync(scene);
    }

    [Fact]
    public async Task FileConsentAccept_SameInvokeDeliveredTwice_UploadedAndAnnouncedOnce()
    {
        var (scene, _) = await MemberWithReviewAsync();
        var consent = await OfferAsync(scene);
        var accept = Answer(scene, consent, "accept", FakeUploadServer.NewSession());

        var first = await bot.PostAsync(scene, accept);
        var second = await bot.PostAsync(scene, accept.DeepClone().AsObject());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(files.Upload.Uploads);
        Assert.Equal(consent.SentId, (await Host.Connector.NextAsync()).UpdatedActivityId);
        Assert.Equal(FileInfoCard.ContentType, Assert.Single((await Host.Connector.NextAsync()).Activity.Attachments!).ContentType);
        await AssertNothingElseSentAsync(scene);
    }

    [Fact]
    public async Task FileConsentAccept_AnotherMembersReview_RefusedAndNothingUploaded()
    {
        var (owner, _) = await MemberWithReviewAsync();
        var consent = await OfferAsync(owner);
        var other = TestScene.Personal();

        var response = await bot.PostAsync(other, Answer(other, consent, "accept", FakeUploadServer.NewSession()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(files.Upload.Uploads);
    }

    [Fact]
    public async Task XuatFile_GroupChat_SaysFilesGoOnlyToThePersonalChat()
    {
        var (personal, _) = await MemberWithReviewAsync();
        var group = personal with { ConversationId = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2", ConversationType = "groupChat" };

        await bot.PostAsync(group, group.MessageMentioningBot("xuất file"));

        var reply = await Host.Connector.NextAsync();
        Assert.Equal(FileMessages.PersonalChatOnly, reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
    }

    [Fact]
    public async Task XuatFile_NoReviewYet_SaysSoAndHowToStart()
    {
        var scene = TestScene.Personal();
        await FileTestHost.EnrolAsync(Host.Services, EmailOf(scene), MemberName, Guid.Parse(scene.UserAadObjectId));
        var cycle = await FileTestHost.OpenCycleAsync(Host.Services);
        await bot.PostAsync(scene, scene.Message("xin chào"));
        await Host.Connector.NextAsync();

        await bot.PostAsync(scene, scene.Message("Xuất file"));

        var reply = await Host.Connector.NextAsync();
        Assert.Equal(FileMessages.NoSelfReviewYet(cycle.Year), reply.Activity.Text);
        Assert.Contains("“tự kiểm điểm”", reply.Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFile_TeamsMode_NoDownloadEndpoint()
    {
        var wellFormed = $"files/{Guid.NewGuid():N}.{Guid.NewGuid():N}.1893456000.c2lnbmF0dXJl";

        using var response = await Host.CreateClient().GetAsync(new Uri(wellFormed, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private const string UniqueId = "9b2e61f0-4c1d-4e8a-b7f3-0d6a5c4e3b21";
    private const string ContentUrl = "https://" + FakeUploadServer.Host + "/personal/member/Documents/Applications/KiemDiemBot/Ban tu kiem diem.docx";

    private async Task<(TestScene Scene, SelfReviewView Review)> MemberWithReviewAsync()
    {
        var scene = TestScene.Personal();
        var review = await FileTestHost.MemberWithReviewAsync(Host.Services, EmailOf(scene), MemberName, Guid.Parse(scene.UserAadObjectId));
        // The first message of a personal chat is greeted first; get that out of the way.
        await bot.PostAsync(scene, scene.Message("xin chào"));
        await Host.Connector.NextAsync();
        return (scene, review);
    }

    // The address ChannelBot enrols the scene's user with.
    private static string EmailOf(TestScene scene) => scene.UserId.Replace(":", "-", StringComparison.Ordinal) + "@test.kiemdiem.vn";

    private async Task<SentActivity> OfferAsync(TestScene scene)
    {
        await bot.PostAsync(scene, scene.Message("xuất file"));
        return await Host.Connector.NextAsync();
    }

    /// <summary>The member's answer on the consent card, as Teams posts it.</summary>
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
                ["name"] = "Ban tu kiem diem.docx",
                ["uploadUrl"] = session.AbsoluteUri,
                ["uniqueId"] = UniqueId,
                ["fileType"] = "docx",
                ["etag"] = "\"{9B2E61F0-4C1D-4E8A-B7F3-0D6A5C4E3B21},1\"",
            };
        }
        var invoke = scene.Invoke(FileConsentValue.InvokeName, value);
        invoke["replyToId"] = consent.SentId;
        return invoke;
    }

    /// <summary>Nothing more comes for this chat: the next thing the bot sends after a help request is the help.</summary>
    private async Task AssertNothingElseSentAsync(TestScene scene)
    {
        await bot.PostAsync(scene, scene.Message(BotApplicationFactory.HelpCommand));
        var next = await Host.Connector.NextAsync();
        Assert.True(JsonNode.DeepEquals(Turns.TestCommandDialog.CardFor("help"), next.Activity.Attachments?[0].Content),
            "Something other than the help card was sent.");
    }

    private static string CardText(SentActivity sent) =>
        string.Join("\n", Objects(sent.Activity.Attachments![0].Content).Select(o => (string?)o["text"]).OfType<string>());

    private static List<string> SubmitVerbs(SentActivity sent) =>
        [.. Objects(sent.Activity.Attachments![0].Content)
            .Where(o => (string?)o["type"] == "Action.Submit")
            .Select(o => (string)o["data"]![CardDataKeys.Verb]!)];

    private static JsonObject SubmitData(SentActivity sent) =>
        Objects(sent.Activity.Attachments![0].Content).Single(o => (string?)o["type"] == "Action.Submit")["data"]!.DeepClone().AsObject();

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => new[] { obj }.Concat(obj.SelectMany(p => Objects(p.Value))),
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };
}

public sealed class SqliteFileConsentTests() : FileConsentTests(StorageProvider.Sqlite);

public sealed class PostgresFileConsentTests() : FileConsentTests(StorageProvider.PostgreSQL);
