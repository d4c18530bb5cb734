using System.Net;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Graph;

/// <summary>
/// Proactive installation through the real host in Teams mode with <c>Graph:Install</c> configured and a fake Graph
/// over HTTP, on the demo office cell: a member with an Entra object id and no personal chat gets the app installed
/// (once, however often the job runs); Teams' installationUpdate in the new chat makes them reachable and the next
/// message reaches them; a refusal (403: no Teams licence) is recorded and listed once to the cell's secretary.
/// </summary>
public abstract class AppInstallTests(StorageProvider provider) : IAsyncLifetime
{
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
    public async Task AppInstallJob_UnreachableMember_InstalledOnceThenReachableAndReminded()
    {
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString);
        var host = graph.Host;
        await host.ReachableAsync(DemoPeople.Huong);
        var member = await host.DemoMemberAsync(DemoPeople.Trang);
        var (memberId, _) = await DemoPeople.FindAsync(host.Services, DemoPeople.Trang);
        var before = await RemindAsync(host, memberId, "before");

        var first = await graph.RunInstallJobAsync();
        var second = await graph.RunInstallJobAsync();
        var installUpdate = await host.Bot.PostAsync(member, member.Install());
        var welcome = await host.Connector.NextAsync();
        var after = await RemindAsync(host, memberId, "after");
        var reminder = Assert.Single(await host.ReceiveProactiveAsync(1));

        Assert.Single(before.Unreachable, u => u.MemberId == memberId);
        Assert.Equal(1, first.Installed);
        Assert.Equal(0, second.Installed + second.AlreadyInstalled + second.Failed + second.Retry);
        Assert.Equal([member.UserAadObjectId], graph.Install.Attempts);
        Assert.Contains(member.UserAadObjectId, graph.Install.Installed);
        var row = await TestSharing.AppInstallationAsync(host.Services, memberId);
        Assert.Equal((AppInstallStatus.Installed, 1, (string?)null), row);
        Assert.Equal(HttpStatusCode.OK, installUpdate.StatusCode);
        Assert.Equal(member.ConversationId, welcome.ConversationId);
        Assert.Equal(1, after.Staged);
        Assert.Empty(after.Unreachable);
        Assert.Equal(member.ConversationId, reminder.ConversationId);
        Assert.Contains("after", SecretaryHost.CardText(reminder), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppInstallJob_AlreadyInstalled_RecordedFromConflictAndNotAskedAgain()
    {
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString);
        var host = graph.Host;
        var member = await host.DemoMemberAsync(DemoPeople.Trang);
        var (memberId, _) = await DemoPeople.FindAsync(host.Services, DemoPeople.Trang);
        graph.Install.AlreadyHas(member.UserAadObjectId);

        var first = await graph.RunInstallJobAsync();
        await graph.RunInstallJobAsync();

        Assert.Equal(1, first.AlreadyInstalled);
        Assert.Single(graph.Install.Attempts);
        Assert.Equal((AppInstallStatus.AlreadyInstalled, 1, (string?)null), await TestSharing.AppInstallationAsync(host.Services, memberId));
    }

    [Fact]
    public async Task AppInstallJob_Refused403_ListedOnceToTheSecretaryWithWhatToDo()
    {
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString);
        var host = graph.Host;
        var secretary = await host.ReachableAsync(DemoPeople.Huong);
        var member = await host.DemoMemberAsync(DemoPeople.Trang);
        var (memberId, name) = await DemoPeople.FindAsync(host.Services, DemoPeople.Trang);
        graph.Install.Refuse(member.UserAadObjectId, new FakeGraphFailure(HttpStatusCode.Forbidden, "Forbidden", "User does not have a valid Teams license."));

        var first = await graph.RunInstallJobAsync();
        var told = await host.ReceiveProactiveAsync(1);
        var second = await graph.RunInstallJobAsync();

        Assert.Equal(1, first.Failed);
        Assert.Equal(1, first.SecretariesTold);
        Assert.Equal(0, second.SecretariesTold);
        Assert.Single(graph.Install.Attempts);
        Assert.Equal((AppInstallStatus.Failed, 1, "403 Forbidden"), await TestSharing.AppInstallationAsync(host.Services, memberId));
        var card = Assert.Single(told);
        Assert.Equal(secretary.ConversationId, card.ConversationId);
        var text = SecretaryHost.CardText(card);
        Assert.Contains("Chưa cài được ứng dụng cho một số đảng viên", text, StringComparison.Ordinal);
        Assert.Contains(name + " — tài khoản chưa có giấy phép Teams hoặc ứng dụng bị chặn", text, StringComparison.Ordinal);
        Assert.Contains("quản trị viên Microsoft 365", text, StringComparison.Ordinal);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task AppInstallJob_UnavailablePastRetries_StaysPendingAndInstallsOnTheNextRun()
    {
        // No retries inside the call: the 503 comes back to the job at once.
        await using var graph = await GraphFilesInstallHost.StartAsync(provider, storage?.ConnectionString, settings: new Dictionary<string, string> { ["Graph:Retry:MaxRetries"] = "0" });
        var host = graph.Host;
        var member = await host.DemoMemberAsync(DemoPeople.Trang);
        var (memberId, _) = await DemoPeople.FindAsync(host.Services, DemoPeople.Trang);
        graph.Graph.FailNext(1, FakeGraphFailure.ServiceUnavailable(), "/teamwork/installedApps");

        var first = await graph.RunInstallJobAsync();
        var pending = await TestSharing.AppInstallationAsync(host.Services, memberId);
        var second = await graph.RunInstallJobAsync();

        Assert.Equal(1, first.Retry);
        Assert.Equal(0, first.SecretariesTold);
        Assert.Equal(AppInstallStatus.Pending, pending!.Value.Status);
        Assert.Equal(1, pending.Value.Attempts);
        Assert.Equal("HttpRequestException 503", pending.Value.LastError);
        Assert.Equal(1, second.Installed);
        Assert.Contains(member.UserAadObjectId, graph.Install.Installed);
        Assert.Equal((AppInstallStatus.Installed, 2, (string?)null), await TestSharing.AppInstallationAsync(host.Services, memberId));
    }

    /// <summary>Stages a card to the member through the notices every reminder goes through, and commits.</summary>
    private static Task<NoticeFanOut> RemindAsync(SecretaryHost host, Guid memberId, string text) =>
        host.InScopeAsync(async s =>
        {
            var card = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text }),
            };
            var sent = await s.GetRequiredService<IMemberNotices>().StageToMembersAsync([memberId], card, "test-reminder:" + text, CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return sent;
        });
}

public sealed class SqliteAppInstallTests() : AppInstallTests(StorageProvider.Sqlite);

public sealed class PostgresAppInstallTests() : AppInstallTests(StorageProvider.PostgreSQL);
