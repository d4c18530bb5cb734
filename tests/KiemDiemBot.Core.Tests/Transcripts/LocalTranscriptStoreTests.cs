using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using KiemDiemBot.Core.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Transcripts;

/// <summary>The local channel's chat history in the database, on both providers, as the page polls it while the bot writes.</summary>
public abstract class LocalTranscriptStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly LocalConversationInfo Personal = new("p-1", "personal", null);
    private static readonly LocalConversationInfo Group = new("g-1", "groupChat", "Chi bộ 1 – họp kiểm điểm");

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    /// <summary>Each call in its own scope, as each HTTP request of the channel has.</summary>
    private async Task<T> InScope<T>(Func<ILocalTranscriptStore, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ILocalTranscriptStore>());
    }

    private Task<string?> AppendAsync(string conversationId, string text) =>
        InScope(s => s.AppendAsync(conversationId, id => $$"""{"id":"{{id}}","text":"{{text}}"}""", CancellationToken.None));

    private Task<LocalTranscriptPage?> ReadAsync(string conversationId, long? watermark = null) =>
        InScope(s => s.ReadAfterAsync(conversationId, watermark, CancellationToken.None));

    [Fact]
    public async Task GetOrCreateAsync_SameIdTwice_CreatesOnceAndKeepsTheFirstName()
    {
        var (first, created) = await InScope(s => s.GetOrCreateAsync(Group, CancellationToken.None));
        var (second, createdAgain) = await InScope(s => s.GetOrCreateAsync(Group with { Name = "Tên khác" }, CancellationToken.None));

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(Group, first);
        Assert.Equal(Group, second);
    }

    [Fact]
    public async Task AppendAsync_EntriesRenderedWithTheirIds_AreReadBackInOrderAfterTheWatermark()
    {
        await InScope(s => s.GetOrCreateAsync(Personal, CancellationToken.None));
        var first = await AppendAsync("p-1", "một");
        var afterFirst = (await ReadAsync("p-1"))!.Watermark;
        var second = await AppendAsync("p-1", "hai");

        var all = await ReadAsync("p-1");
        var later = await ReadAsync("p-1", afterFirst);

        Assert.Equal("0000001", first);
        Assert.Equal("0000002", second);
        Assert.Equal(["""{"id":"0000001","text":"một"}""", """{"id":"0000002","text":"hai"}"""], all!.Entries.Select(e => e.Payload));
        Assert.Equal([second], later!.Entries.Select(e => e.ActivityId));
        Assert.Equal(2, later.Watermark);
    }

    [Fact]
    public async Task AppendAsync_UnknownConversation_StoresNothing()
    {
        var id = await AppendAsync("p-nobody", "x");

        Assert.Null(id);
        Assert.Null(await ReadAsync("p-nobody"));
    }

    [Fact]
    public async Task AppendAsync_TwentyWritersAtOnce_EveryEntryKeptWithItsOwnSequence()
    {
        await InScope(s => s.GetOrCreateAsync(Group, CancellationToken.None));

        var ids = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => AppendAsync("g-1", "tin " + i))));

        var page = await ReadAsync("g-1");
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(20, page!.Entries.Count);
        Assert.Equal(20, page.Watermark);
        Assert.Equal([.. ids.Order(StringComparer.Ordinal)], page.Entries.Select(e => e.ActivityId));
    }

    [Fact]
    public async Task ReplaceAsync_UpdatedEntry_MovesToTheEndKeepingItsIdSoAPollingClientSeesIt()
    {
        await InScope(s => s.GetOrCreateAsync(Personal, CancellationToken.None));
        var card = await AppendAsync("p-1", "Phiếu: chưa bầu");
        await AppendAsync("p-1", "tin sau");
        var watermark = (await ReadAsync("p-1"))!.Watermark;

        var replaced = await InScope(s => s.ReplaceAsync("p-1", card!, """{"text":"Phiếu: đã bầu"}""", CancellationToken.None));

        var later = await ReadAsync("p-1", watermark);
        var all = await ReadAsync("p-1");
        Assert.True(replaced);
        Assert.Equal([card], later!.Entries.Select(e => e.ActivityId));
        Assert.Equal("""{"text":"Phiếu: đã bầu"}""", later.Entries[0].Payload);
        Assert.Equal(["0000002", card], all!.Entries.Select(e => e.ActivityId));
    }

    [Fact]
    public async Task ReplaceAsync_UnknownActivity_ChangesNothing()
    {
        await InScope(s => s.GetOrCreateAsync(Personal, CancellationToken.None));
        await AppendAsync("p-1", "một");

        var replaced = await InScope(s => s.ReplaceAsync("p-1", "9999999", "{}", CancellationToken.None));

        Assert.False(replaced);
        Assert.Equal(1, (await ReadAsync("p-1"))!.Watermark);
    }

    [Fact]
    public async Task RemoveAsync_OneEntry_OnlyThatOneIsGone()
    {
        await InScope(s => s.GetOrCreateAsync(Personal, CancellationToken.None));
        var kept = await AppendAsync("p-1", "giữ");
        var removed = await AppendAsync("p-1", "xoá");

        var wasRemoved = await InScope(s => s.RemoveAsync("p-1", removed!, CancellationToken.None));

        Assert.True(wasRemoved);
        Assert.Equal([kept], (await ReadAsync("p-1"))!.Entries.Select(e => e.ActivityId));
    }

    [Fact]
    public async Task AppendAsync_PastTheBound_KeepsTheNewestThousandAndTheWatermarkGoesOn()
    {
        await InScope(s => s.GetOrCreateAsync(Personal, CancellationToken.None));
        await InScope(async s =>
        {
            for (var i = 1; i <= ILocalTranscriptStore.MaxTranscriptLength + 5; i++)
            {
                await s.AppendAsync("p-1", id => $$"""{"id":"{{id}}"}""", CancellationToken.None);
            }
            return 0;
        });

        var page = await ReadAsync("p-1");

        Assert.Equal(ILocalTranscriptStore.MaxTranscriptLength, page!.Entries.Count);
        Assert.Equal("0000006", page.Entries[0].ActivityId);
        Assert.Equal(ILocalTranscriptStore.MaxTranscriptLength + 5, page.Watermark);
    }

    [Fact]
    public async Task ReadAfterAsync_WatermarkAheadOfTheTranscript_ReturnsEverything()
    {
        await InScope(s => s.GetOrCreateAsync(Personal, CancellationToken.None));
        await AppendAsync("p-1", "một");

        var page = await ReadAsync("p-1", watermark: 500);

        Assert.Single(page!.Entries);
        Assert.Equal(1, page.Watermark);
    }

    [Fact]
    public async Task AddMemberAsync_SamePersonInAnotherCase_IsOneMemberWithTheNewerName()
    {
        await InScope(s => s.GetOrCreateAsync(Group, CancellationToken.None));

        var first = await InScope(s => s.AddMemberAsync("g-1", new("Lan.Tran@Example.vn", "Lan"), CancellationToken.None));
        var again = await InScope(s => s.AddMemberAsync("g-1", new("lan.tran@example.vn", "Trần Thị Lan"), CancellationToken.None));
        var unnamed = await InScope(s => s.AddMemberAsync("g-1", new("lan.tran@example.vn", null), CancellationToken.None));

        var members = await InScope(s => s.ListMembersAsync("g-1", CancellationToken.None));
        Assert.True(first);
        Assert.False(again);
        Assert.False(unnamed);
        Assert.Equal([new LocalConversationMember("lan.tran@example.vn", "Trần Thị Lan")], members);
    }

    [Fact]
    public async Task ListPeopleAsync_PersonInTwoConversations_IsListedOnce()
    {
        await InScope(s => s.GetOrCreateAsync(Group, CancellationToken.None));
        await InScope(s => s.GetOrCreateAsync(Personal, CancellationToken.None));
        await InScope(s => s.AddMemberAsync("g-1", new("b@example.vn", "B"), CancellationToken.None));
        await InScope(s => s.AddMemberAsync("p-1", new("b@example.vn", "B"), CancellationToken.None));
        await InScope(s => s.AddMemberAsync("g-1", new("a@example.vn", "A"), CancellationToken.None));

        var people = await InScope(s => s.ListPeopleAsync(CancellationToken.None));

        Assert.Equal([new LocalConversationMember("a@example.vn", "A"), new LocalConversationMember("b@example.vn", "B")], people);
    }
}

public sealed class SqliteLocalTranscriptStoreTests() : LocalTranscriptStoreTests(StorageProvider.Sqlite);

public sealed class PostgresLocalTranscriptStoreTests() : LocalTranscriptStoreTests(StorageProvider.PostgreSQL);
