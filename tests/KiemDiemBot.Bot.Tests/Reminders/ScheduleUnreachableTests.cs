using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Reminders;

/// <summary>"ai chưa nhận được tin nhắn" and the unreachable list the scheduler sends before a cycle starts, in the demo office cell.</summary>
public abstract class ScheduleUnreachableTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly string[] OfficeMembers =
        [DemoPeople.Hung, DemoPeople.Huong, DemoPeople.Nam, DemoPeople.Trang, DemoPeople.Ngoc, DemoPeople.Thanh, DemoPeople.Long];

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

    private Task<SecretaryHost> StartAsync() => ScheduleHost.StartAsync(provider, storage?.ConnectionString);

    [Fact]
    public async Task Unreachable_SomeWithoutChatOneBlocked_NamesThemSaysWhatToDoAndCountsTheReachable()
    {
        await using var host = await StartAsync();
        var secretary = await host.ReachableAsync(DemoPeople.Huong);
        await host.ReachableAsync(DemoPeople.Nam);
        await host.ReachableAsync(DemoPeople.Trang);
        await host.ReachableAsync(DemoPeople.Long, blocked: true);
        var names = await NamesAsync(host);

        var card = await host.SayAsync(secretary, "Ai chưa nhận được tin nhắn?");

        var text = SecretaryHost.CardText(card);
        Assert.Contains("Đảng viên chưa nhận được tin nhắn của bot", text, StringComparison.Ordinal);
        Assert.Contains("Bot chưa gửi được tin nhắn cho 4 đồng chí dưới đây", text, StringComparison.Ordinal);
        foreach (var code in new[] { DemoPeople.Hung, DemoPeople.Ngoc, DemoPeople.Thanh, DemoPeople.Long })
        {
            Assert.Contains(names[code], text, StringComparison.Ordinal);
        }
        foreach (var code in new[] { DemoPeople.Huong, DemoPeople.Nam, DemoPeople.Trang })
        {
            Assert.DoesNotContain(names[code], text, StringComparison.Ordinal);
        }
        Assert.Contains("tìm “Kiểm điểm”", text, StringComparison.Ordinal);
        Assert.Contains("Bot đã liên lạc được với 3 đồng chí khác của chi bộ.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_PlainMember_IsRefused()
    {
        await using var host = await StartAsync();
        var member = await host.DemoMemberAsync(DemoPeople.Trang);

        var reply = await host.SayAsync(member, "ai chưa nhận được tin nhắn");

        Assert.Equal("Chỉ bí thư, phó bí thư chi bộ (hoặc quản trị viên) mới xem được danh sách đảng viên chưa nhận được tin nhắn của chi bộ.", reply.Activity.Text);
    }

    [Fact]
    public async Task UnreachableListHandler_RunTwice_SendsTheListOnceToEachReachableSecretary()
    {
        await using var host = await StartAsync();
        var secretary = await host.ReachableAsync(DemoPeople.Huong);
        var names = await NamesAsync(host);
        var occasion = await ScheduleHost.UnreachableListAsync(host);

        var first = await ScheduleHost.RunAsync(host, occasion);
        var sent = await host.ReceiveProactiveAsync(2);
        var second = await ScheduleHost.RunAsync(host, occasion);

        // The secretary is reachable; the deputy (Nam) is not, so the list names him and reaches only her.
        Assert.Equal(1, first);
        var list = Assert.Single(sent);
        Assert.Equal(secretary.ConversationId, list.ConversationId);
        var text = SecretaryHost.CardText(list);
        Assert.Contains(names[DemoPeople.Nam], text, StringComparison.Ordinal);
        Assert.Contains(names[DemoPeople.Long], text, StringComparison.Ordinal);
        Assert.DoesNotContain(names[DemoPeople.Huong], text, StringComparison.Ordinal);
        Assert.Contains("Bot đã liên lạc được với 1 đồng chí khác của chi bộ.", text, StringComparison.Ordinal);
        Assert.Equal(0, second);
        Assert.True(await host.StaysQuietAsync());
    }

    [Fact]
    public async Task UnreachableListHandler_EveryoneReachable_SendsNothing()
    {
        await using var host = await StartAsync();
        foreach (var code in OfficeMembers)
        {
            await host.ReachableAsync(code);
        }
        var occasion = await ScheduleHost.UnreachableListAsync(host);

        var staged = await ScheduleHost.RunAsync(host, occasion);

        Assert.Equal(0, staged);
        Assert.True(await host.StaysQuietAsync());
    }

    private static async Task<Dictionary<string, string>> NamesAsync(SecretaryHost host)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in OfficeMembers)
        {
            names[code] = (await DemoPeople.FindAsync(host.Services, code)).FullName;
        }
        return names;
    }
}

public sealed class SqliteScheduleUnreachableTests() : ScheduleUnreachableTests(StorageProvider.Sqlite);

public sealed class PostgresScheduleUnreachableTests() : ScheduleUnreachableTests(StorageProvider.PostgreSQL);
