using System.Text.Json;
using KiemDiemBot.Bot.CommandLine;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Secretary;

/// <summary><c>cycle open</c> as an operator runs it, on each provider: what it prints, its exit code, and the news it leaves in the outbox.</summary>
public abstract class CycleCommandTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly StringWriter output = new();
    private MigratedStorage storage = null!;

    public async Task InitializeAsync()
    {
        storage = await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)));
        await using var scope = storage.CreateScope();
        await TestRoster.SeedDemoAsync(scope.ServiceProvider);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task CycleOpen_NewYearThenAgain_OpensWithTheSeedDeadlinesAndTellsEachReachableMemberOnce()
    {
        var huong = await ReachableAsync(DemoPeople.Huong, "a:huong");
        var tuan = await ReachableAsync(DemoPeople.Tuan, "a:tuan");
        await ReachableAsync(DemoPeople.Nam, "a:nam", blocked: true);

        var first = await RunAsync("open", "2027");
        var firstLines = Lines();
        output.GetStringBuilder().Clear();
        var second = await RunAsync("open", "2027");

        Assert.Equal(0, first);
        Assert.Equal("Đã mở đợt kiểm điểm năm 2027 theo Hướng dẫn 21-HD/BTCTW (áp dụng năm 2022).", firstLines[0]);
        Assert.Contains("  Chi bộ cơ sở và chi bộ trực thuộc hoàn thành kiểm điểm: trước ngày 01/12/2027", firstLines);
        // Fourteen demo members are reviewed (one is exempt from activities): two reachable, Nam blocked the bot.
        Assert.Equal("Đã gửi thông báo tới 2 đảng viên; 12 đảng viên chưa liên lạc được qua bot (chưa từng trò chuyện với bot hoặc đã chặn bot).", firstLines[^1]);
        Assert.Equal(0, second);
        Assert.Equal("Đợt kiểm điểm năm 2027 đã mở từ trước, theo Hướng dẫn 21-HD/BTCTW (áp dụng năm 2022).", Lines()[0]);
        Assert.Equal("2 đảng viên đã nhận thông báo từ trước nên không gửi lại.", Lines()[^1]);
        var pending = await PendingAsync();
        Assert.Equal([huong, tuan], pending.Keys.Order(StringComparer.Ordinal));
        Assert.All(pending.Values, activity =>
        {
            Assert.Equal(ActivityTypes.Message, activity.Type);
            var attachment = Assert.Single(activity.Attachments!);
            Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
            Assert.Equal("Bắt đầu kiểm điểm năm 2027", (string?)attachment.Content!["body"]![0]!["text"]);
        });
        var cycle = await InScopeAsync(s => s.GetRequiredService<IReviewCycleService>().FindByYearAsync(2027, CancellationToken.None));
        Assert.NotNull(cycle?.OpenedAt);
        Assert.Equal(DeadlineKind.CellReview.SeedDefault(2027), cycle!.Deadlines[DeadlineKind.CellReview]);
    }

    [Theory]
    [InlineData("Cách dùng: cycle open <năm> [--rule-set <mã quy định>], ví dụ: cycle open 2026", "open")]
    [InlineData("Cách dùng: cycle open <năm> [--rule-set <mã quy định>], ví dụ: cycle open 2026", "close", "2027")]
    [InlineData("Năm «20x7» không hợp lệ: cần một năm từ 2000 đến 2100.", "open", "20x7")]
    [InlineData("Không có quy định, hướng dẫn mã «QD366-2025». Các mã có: HD21-2022.", "open", "2027", "--rule-set", "QD366-2025")]
    public async Task CycleOpen_WrongUsage_PrintsOneLineExitsTwoAndOpensNothing(string line, params string[] arguments)
    {
        var exitCode = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal([line], Lines());
        Assert.Null(await InScopeAsync(s => s.GetRequiredService<IReviewCycleService>().FindByYearAsync(2027, CancellationToken.None)));
        Assert.Empty(await PendingAsync());
    }

    private string[] Lines() =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'))];

    private async Task<int> RunAsync(params string[] arguments)
    {
        await using var scope = storage.CreateScope();
        var s = scope.ServiceProvider;
        var command = new CycleCommand(
            s.GetRequiredService<IReviewCycleService>(),
            s.GetRequiredService<IMemberNotices>(),
            s.GetRequiredService<IUnitOfWork>(),
            s.GetRequiredService<IDatabaseMigrator>(),
            new StorageOptions { Provider = storage.Provider, ConnectionString = storage.ConnectionString },
            output);
        return await command.RunAsync(arguments, CancellationToken.None);
    }

    /// <summary>Links the demo member to a Teams account and stores their personal chat with the bot; answers its id.</summary>
    private async Task<string> ReachableAsync(string code, string conversationId, bool blocked = false)
    {
        var objectId = Guid.NewGuid();
        await using var scope = storage.CreateScope();
        await DemoPeople.LinkAsync(scope.ServiceProvider, code, objectId);
        var references = scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>();
        await references.UpsertNowAsync(new StoredConversationReference(
            "msteams", conversationId, "29:" + code, objectId.ToString(), "28:bot", "https://smba.trafficmanager.net/amer/", null, "personal", "vi-VN"), CancellationToken.None);
        if (blocked)
        {
            await references.MarkWritesBlockedAsync("msteams", conversationId, CancellationToken.None);
        }
        return conversationId;
    }

    /// <summary>The activities waiting in the outbox, by conversation, as the host's sender would read them.</summary>
    private async Task<Dictionary<string, Activity>> PendingAsync()
    {
        await using var scope = storage.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<ITurnQueue>();
        var outbox = scope.ServiceProvider.GetRequiredService<ITurnOutbox>();
        var pending = new Dictionary<string, Activity>(StringComparer.Ordinal);
        foreach (var conversation in await queue.FindReadyAsync("cycle-command-tests", 100, CancellationToken.None))
        {
            var work = await queue.NextAsync(conversation, CancellationToken.None);
            var delivery = await outbox.LoadPendingAsync(work!.DeliveryId!.Value, CancellationToken.None);
            pending[conversation.ConversationId] = JsonSerializer.Deserialize<Activity>(delivery!.Payload, ProtocolJson.Options)!;
        }
        return pending;
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider);
    }
}

public sealed class SqliteCycleCommandTests() : CycleCommandTests(StorageProvider.Sqlite);

public sealed class PostgresCycleCommandTests() : CycleCommandTests(StorageProvider.PostgreSQL);
