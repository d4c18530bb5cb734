using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Storage;

/// <summary>The same behaviour on both providers: the embedded SQLite default and production PostgreSQL.</summary>
public abstract class ConversationReferenceStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private static StoredConversationReference Personal(string userId, string serviceUrl = "https://smba.trafficmanager.net/apac/") =>
        new("msteams", "a:1" + userId, userId, "aad-" + userId, "28:bot", serviceUrl, "tenant-1", "personal", "vi-VN");

    private async Task<T> InScope<T>(Func<IConversationReferenceStore, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>());
    }

    /// <summary>What a turn does: records the contact (first contact or not), commits.</summary>
    private async Task<bool> RecordAsync(StoredConversationReference reference)
    {
        await using var scope = storage.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>();
        var isNew = await store.StageContactAsync(reference, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return isNew;
    }

    [Fact]
    public async Task StageUpsert_FirstActivityOfUser_ReportsNewAndStoresReference()
    {
        var isNew = await RecordAsync(Personal("29:an"));

        var found = await InScope(s => s.FindPersonalAsync("msteams", "29:an", CancellationToken.None));
        Assert.True(isNew);
        Assert.NotNull(found);
        Assert.Equal("a:129:an", found.ConversationId);
        Assert.Equal("tenant-1", found.TenantId);
    }

    [Fact]
    public async Task StageUpsert_SecondActivityWithNewServiceUrl_UpdatesSameReference()
    {
        await RecordAsync(Personal("29:binh"));
        storage.Clock.Advance(TimeSpan.FromHours(1));

        var isNew = await RecordAsync(Personal("29:binh", "https://smba.trafficmanager.net/emea/"));

        var found = await InScope(s => s.FindAsync("msteams", "a:129:binh", "29:binh", CancellationToken.None));
        Assert.False(isNew);
        Assert.Equal("https://smba.trafficmanager.net/emea/", found!.ServiceUrl);
    }

    [Fact]
    public async Task MarkWritesBlockedAsync_BlockedConversation_IsReportedBlockedUntilUserWritesAgain()
    {
        await RecordAsync(Personal("29:chi"));

        await InScope(async s => { await s.MarkWritesBlockedAsync("msteams", "a:129:chi", CancellationToken.None); return 0; });
        var blocked = await InScope(s => s.IsWritesBlockedAsync("msteams", "a:129:chi", CancellationToken.None));
        await RecordAsync(Personal("29:chi"));
        var blockedAfterReturn = await InScope(s => s.IsWritesBlockedAsync("msteams", "a:129:chi", CancellationToken.None));

        Assert.True(blocked);
        Assert.False(blockedAfterReturn);
    }

    [Fact]
    public async Task StageUpsert_UserReturnsAfterBlocking_CountsAsFirstContactOnce()
    {
        await RecordAsync(Personal("29:giang"));
        await InScope(async s => { await s.MarkWritesBlockedAsync("msteams", "a:129:giang", CancellationToken.None); return 0; });

        var returning = await RecordAsync(Personal("29:giang"));
        var afterwards = await RecordAsync(Personal("29:giang"));

        Assert.True(returning);
        Assert.False(afterwards);
    }

    [Fact]
    public async Task FindPersonalAsync_UserOnlyInGroupChat_FindsNothing()
    {
        var group = Personal("29:dung") with { ConversationId = "19:meeting_x@thread.v2", ConversationType = "groupChat" };
        await RecordAsync(group);

        var found = await InScope(s => s.FindPersonalAsync("msteams", "29:dung", CancellationToken.None));

        Assert.Null(found);
    }

    [Fact]
    public async Task StageUpsert_TwentyTurnsOfOneUserAtOnce_AllCommitAndKeepOneReference()
    {
        var reference = Personal("29:hoa");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => RecordAsync(reference))));

        var found = await InScope(s => s.FindAsync("msteams", "a:129:hoa", "29:hoa", CancellationToken.None));
        Assert.NotNull(found);
        Assert.Equal(reference.ServiceUrl, found.ServiceUrl);
    }

    [Fact]
    public async Task StageUpsert_AnotherMemberWritesInBlockedGroup_UnblocksTheGroup()
    {
        var group = Personal("29:khanh") with { ConversationId = "19:group_blocked@thread.v2", ConversationType = "groupChat" };
        await RecordAsync(group);
        await InScope(async s => { await s.MarkWritesBlockedAsync("msteams", group.ConversationId, CancellationToken.None); return 0; });

        await RecordAsync(group with { UserId = "29:lan", UserAadObjectId = "aad-lan" });

        Assert.False(await InScope(s => s.IsWritesBlockedAsync("msteams", group.ConversationId, CancellationToken.None)));
    }

    [Fact]
    public async Task StageUpsert_NotCommitted_StoresNothing()
    {
        await using (var scope = storage.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().StageUpsert(Personal("29:minh"));
        }

        Assert.Null(await InScope(s => s.FindPersonalAsync("msteams", "29:minh", CancellationToken.None)));
    }

    [Fact]
    public async Task StageContactAsync_SameReferenceWithinTheHour_LeavesTheStoredRowAlone()
    {
        await RecordAsync(Personal("29:nga"));
        var firstSeen = await LastSeenAsync("29:nga");
        storage.Clock.Advance(TimeSpan.FromMinutes(59));

        await RecordAsync(Personal("29:nga"));
        var withinTheHour = await LastSeenAsync("29:nga");
        storage.Clock.Advance(TimeSpan.FromMinutes(2));
        await RecordAsync(Personal("29:nga"));
        var afterTheHour = await LastSeenAsync("29:nga");

        Assert.Equal(firstSeen, withinTheHour);
        Assert.Equal(storage.Clock.GetUtcNow(), afterTheHour);
    }

    [Fact]
    public async Task StageContactAsync_ActivityLeavesOutTheLocale_KeepsTheStoredOne()
    {
        await RecordAsync(Personal("29:oanh"));

        await RecordAsync(Personal("29:oanh") with { Locale = null, TenantId = null });

        var found = await InScope(s => s.FindAsync("msteams", "a:129:oanh", "29:oanh", CancellationToken.None));
        Assert.Equal("vi-VN", found!.Locale);
        Assert.Equal("tenant-1", found.TenantId);
    }

    private async Task<DateTimeOffset> LastSeenAsync(string userId)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        return db.ConversationReferences.Single(r => r.UserId == userId).LastSeenAt;
    }

    [Fact]
    public async Task GetPendingMigrationsAsync_AfterMigrate_IsEmpty()
    {
        await using var scope = storage.CreateScope();
        var pending = await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().GetPendingMigrationsAsync(CancellationToken.None);

        Assert.Empty(pending);
    }
}

public sealed class SqliteConversationReferenceStoreTests() : ConversationReferenceStoreTests(StorageProvider.Sqlite);

public sealed class PostgresConversationReferenceStoreTests() : ConversationReferenceStoreTests(StorageProvider.PostgreSQL);
