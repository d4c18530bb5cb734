using System.Security.Cryptography;
using System.Text.RegularExpressions;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Bot.Tests.Turns;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Graph;

/// <summary>
/// Exports in the organisation's files, through the real host in Teams mode with <c>Graph:Files</c> configured and a
/// fake Graph over HTTP: the minutes button in the secretary's personal chat still brings Teams' file consent card,
/// and the share job puts the minutes in the office cell's SharePoint folder, shares them with the ballot's
/// participants only (read, sign-in required, no e-mail) and sends the secretary the link; the same export again
/// uploads nothing, a changed one replaces the content of the same item under the same link; a file above 4 MB goes
/// through an upload session whose slices carry no Graph token.
/// </summary>
public abstract class SharedExportTests(StorageProvider provider) : IAsyncLifetime
{
    private const string GroupChat = "19:meeting-office@thread.v2";

    private MigratedStorage? storage;

    public async Task InitializeAsync() =>
        storage = provider == StorageProvider.PostgreSQL ? await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(BotApplicationFactory.Start)) : null;

    public async Task DisposeAsync()
    {
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }
    }

    [Fact]
    public async Task ShareExportJob_MinutesAskedTwiceThenChanged_OneFileSharedWithTheParticipantsOnlyReplacedInPlace()
    {
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString);
        var host = graph.Host;
        var secretary = await host.ReachableAsync(DemoPeople.Huong);
        var (secretaryId, _) = await DemoPeople.FindAsync(host.Services, DemoPeople.Huong);
        var ballot = await TestBallots.ClosedRankingBallotAsync(host.Services, DemoOrganisation.OfficeCellCode, "msteams", GroupChat, decide: false);
        var readers = await TestSharing.MinutesReadersAsync(host.Services, ballot.BallotId, secretaryId);
        var outsiders = await TestSharing.NotOnBallotAsync(host.Services, ballot.BallotId);

        var offer = await AskForMinutesAsync(host, secretary, ballot.BallotId);
        await graph.RunShareJobAsync(graph.Requests.All[0]);
        var firstLink = Assert.Single(await host.ReceiveProactiveAsync(1));

        // Teams' file consent card as before, with the line saying the file is also being saved to Microsoft 365.
        Assert.Equal(FileConsentCard.ContentType, Assert.Single(offer.Activity.Attachments!).ContentType);
        Assert.Equal(SharedFileLinkCard.QueuedText, offer.Activity.Text);
        var item = Assert.Single(graph.Files.Items);
        Assert.Equal(FakeGraphFiles.LibraryDriveId, item.DriveId);
        Assert.Equal($"{GraphFilesInstallHost.Folder}/{DemoOrganisation.OfficeCellCode}/Bien-ban-2026-Chi-Bo-Van-Phong-So.docx", item.Path);
        Assert.Equal(readers.OrderBy(r => r, StringComparer.Ordinal), item.Readers.OrderBy(r => r, StringComparer.Ordinal));
        Assert.Contains(secretary.UserAadObjectId, item.Readers);
        Assert.NotEmpty(outsiders);
        Assert.Empty(outsiders.Intersect(item.Readers));
        var invitation = Assert.Single(graph.Files.Invitations);
        Assert.True((bool)invitation["requireSignIn"]!);
        Assert.False((bool)invitation["sendInvitation"]!);
        Assert.Equal("read", (string?)Assert.Single(invitation["roles"]!.AsArray()));
        Assert.Equal(secretary.ConversationId, firstLink.ConversationId);
        Assert.Equal(item.WebUrl, OpenUrl(firstLink));
        Assert.Contains($"Số người được xem: {readers.Count}.", SecretaryHost.CardText(firstLink), StringComparison.Ordinal);

        // Asked again, unchanged: nothing uploaded, the same link.
        await AskForMinutesAsync(host, secretary, ballot.BallotId);
        await graph.RunShareJobAsync(graph.Requests.All[1]);
        var secondLink = Assert.Single(await host.ReceiveProactiveAsync(1));
        Assert.Equal(1, graph.Graph.CountRequests("PUT", "/content"));
        Assert.Equal(item.WebUrl, OpenUrl(secondLink));
        Assert.Contains("Nội dung không đổi", SecretaryHost.CardText(secondLink), StringComparison.Ordinal);

        // Changed (a subject's name corrected on the roster): the same item's content replaced, the same link, still one file.
        await TestSharing.RenameAsync(host.Services, ballot.SubjectNames[0], ballot.SubjectNames[0] + " Sửa");
        await AskForMinutesAsync(host, secretary, ballot.BallotId);
        await graph.RunShareJobAsync(graph.Requests.All[2]);
        var thirdLink = Assert.Single(await host.ReceiveProactiveAsync(1));
        var replaced = Assert.Single(graph.Files.Items);
        Assert.Equal(item.Id, replaced.Id);
        Assert.NotEqual(item.Sha256, replaced.Sha256);
        Assert.Equal(1, graph.Graph.CountRequests("PUT", $"/items/{item.Id}/content"));
        Assert.Equal(item.WebUrl, OpenUrl(thirdLink));
        Assert.Contains("đường dẫn vẫn như cũ", SecretaryHost.CardText(thirdLink), StringComparison.Ordinal);
        Assert.Equal(1, await TestSharing.SharedFileCountAsync(host.Services));
        Assert.Empty(graph.Graph.UnhandledRequests);
    }

    [Fact]
    public async Task ShareExportJob_SameRequestRunTwice_LinkSentOnce()
    {
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString);
        var host = graph.Host;
        var secretary = await host.ReachableAsync(DemoPeople.Huong);
        var ballot = await TestBallots.ClosedRankingBallotAsync(host.Services, DemoOrganisation.OfficeCellCode, "msteams", GroupChat, decide: false);
        await AskForMinutesAsync(host, secretary, ballot.BallotId);

        await graph.RunShareJobAsync(graph.Requests.All[0]);
        await graph.RunShareJobAsync(graph.Requests.All[0]);

        Assert.Single(await host.ReceiveProactiveAsync(2));
        Assert.Single(graph.Files.Items);
        Assert.Equal(1, graph.Graph.CountRequests("PUT", "/content"));
    }

    [Fact]
    public async Task UploadAsync_LargerThanFourMegabytes_UploadSessionSlicesWithoutTokenThenReplacedInPlace()
    {
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString);
        var large = RandomNumberGenerator.GetBytes(9 * 1024 * 1024);
        var larger = RandomNumberGenerator.GetBytes(10 * 1024 * 1024);

        var stored = await graph.Host.InScopeAsync(s => s.GetRequiredService<IFileStore>()
            .UploadAsync(FileLocation.Organisation(DemoOrganisation.OfficeCellCode), "Danh-sach.xlsx", large, CancellationToken.None));
        var replaced = await graph.Host.InScopeAsync(s => s.GetRequiredService<IFileStore>()
            .ReplaceAsync(stored.DriveId, stored.ItemId, larger, CancellationToken.None));

        var item = Assert.Single(graph.Files.Items);
        Assert.Equal(stored.ItemId, item.Id);
        Assert.Equal(stored.WebUrl, replaced!.WebUrl);
        Assert.Equal(larger, item.Content);
        Assert.Equal(2, graph.Files.SessionsCreated);
        Assert.Equal(0, graph.Graph.CountRequests("PUT", "/content"));
        var slices = graph.Files.Slices;
        Assert.Equal(3 + 4, slices.Count);
        Assert.All(slices, s => Assert.False(s.HadAuthorization));
        Assert.Equal(large.Length + larger.Length, slices.Sum(s => s.Length));
        Assert.Equal("bytes 0-3276799/9437184", slices[0].ContentRange);
        Assert.Equal([202, 202, 201, 202, 202, 202, 200], slices.Select(s => s.Status));
    }

    [Fact]
    public async Task ShareExportJob_ItemDeletedInSharePoint_UploadedAgainAndSharedAgain()
    {
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString);
        var host = graph.Host;
        var secretary = await host.ReachableAsync(DemoPeople.Huong);
        var ballot = await TestBallots.ClosedRankingBallotAsync(host.Services, DemoOrganisation.OfficeCellCode, "msteams", GroupChat, decide: false);
        await AskForMinutesAsync(host, secretary, ballot.BallotId);
        await graph.RunShareJobAsync(graph.Requests.All[0]);
        Assert.Single(await host.ReceiveProactiveAsync(1));
        var first = Assert.Single(graph.Files.Items);
        graph.Files.Delete(first.Id);
        await TestSharing.RenameAsync(host.Services, ballot.SubjectNames[0], ballot.SubjectNames[0] + " Sửa");

        await AskForMinutesAsync(host, secretary, ballot.BallotId);
        var shared = await graph.RunShareJobAsync(graph.Requests.All[1]);

        var again = Assert.Single(graph.Files.Items);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal(again.WebUrl, shared!.WebUrl);
        Assert.Equal(first.Readers.Count, again.Readers.Count);
        Assert.Equal(2, graph.Files.Invitations.Count);
        Assert.Equal(1, await TestSharing.SharedFileCountAsync(host.Services));
    }

    [Fact]
    public async Task ShareExportJob_OwnSelfReview_InTheMembersOneDriveNotInvitedToTheirOwnFile()
    {
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString);
        var host = graph.Host;
        var objectId = Guid.NewGuid();
        var review = await Files.FileTestHost.MemberWithReviewAsync(host.Services, "khai@test.kiemdiem.vn", "Nguyễn Thị Minh Khai", objectId);

        var shared = await graph.RunShareJobAsync((new ExportShareRequest(SharedExportKind.SelfReview, review.ReviewId, null, review.MemberId), Guid.NewGuid()));

        var item = Assert.Single(graph.Files.Items);
        Assert.Equal(graph.Files.DriveOf(objectId.ToString("D")), item.DriveId);
        Assert.Equal($"{GraphFilesInstallHost.Folder}/{shared!.FileName}", item.Path);
        Assert.True(shared.InOneDrive);
        Assert.Equal(1, shared.SharedWith);
        Assert.Empty(graph.Files.Invitations);
        Assert.Contains(Files.FileTestHost.ShortcomingsAnswer, DocumentText(item.Content), StringComparison.Ordinal);
    }

    /// <summary>The minutes button pressed in the secretary's personal chat; answers the bot's reply (the file consent offer).</summary>
    private static async Task<SentActivity> AskForMinutesAsync(SecretaryHost host, TestScene secretary, Guid ballotId)
    {
        var data = BallotPaperRequest.Minutes(ballotId).Button("x")["data"]!.DeepClone().AsObject();
        await host.Bot.PostAsync(secretary, secretary.Submit(data));
        var reply = await host.Connector.NextAsync();
        return reply.Activity.Text == TestWelcomeDialog.Reply ? await host.Connector.NextAsync() : reply;
    }

    private static string DocumentText(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return document.MainDocumentPart!.Document!.InnerText;
    }

    /// <summary>The address of the card's "Mở tệp" link (a Markdown link).</summary>
    private static string OpenUrl(SentActivity sent) =>
        Regex.Match(SecretaryHost.CardText(sent), @"\[Mở tệp\]\((?<url>[^)]+)\)").Groups["url"].Value;
}

public sealed class SqliteSharedExportTests() : SharedExportTests(StorageProvider.Sqlite);

public sealed class PostgresSharedExportTests() : SharedExportTests(StorageProvider.PostgreSQL);
