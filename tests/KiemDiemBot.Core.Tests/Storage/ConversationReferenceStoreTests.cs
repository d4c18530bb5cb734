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

    [Fact]
    public async Task UpsertAsync_FirstActivityOfUser_ReportsNewAndStoresReference()
    {
        var isNew = await InScope(s => s.UpsertAsync(Personal("29:an"), CancellationToken.None));

        var found = await InScope(s => s.FindPersonalAsync("msteams", "29:an", CancellationToken.None));
        Assert.True(isNew);
        Assert.NotNull(found);
        Assert.Equal("a:129:an", found.ConversationId);
        Assert.Equal("tenant-1", found.TenantId);
    }

    [Fact]
    public async Task UpsertAsync_SecondActivityWithNewServiceUrl_UpdatesSameReference()
    {
        await InScope(s => s.UpsertAsync(Personal("29:binh"), CancellationToken.None));
        storage.Clock.Advance(TimeSpan.FromHours(1));

        var isNew = await InScope(s => s.UpsertAsync(Personal("29:binh", "https://smba.trafficmanager.net/emea/"), CancellationToken.None));

        var found = await InScope(s => s.FindAsync("msteams", "a:129:binh", "29:binh", CancellationToken.None));
        Assert.False(isNew);
        Assert.Equal("https://smba.trafficmanager.net/emea/", found!.ServiceUrl);
    }

    [Fact]
    public async Task MarkWritesBlockedAsync_BlockedConversation_IsReportedBlockedUntilUserWritesAgain()
    {
        await InScope(s => s.UpsertAsync(Personal("29:chi"), CancellationToken.None));

        await InScope(async s => { await s.MarkWritesBlockedAsync("msteams", "a:129:chi", CancellationToken.None); return 0; });
        var blocked = await InScope(s => s.IsWritesBlockedAsync("msteams", "a:129:chi", CancellationToken.None));
        await InScope(s => s.UpsertAsync(Personal("29:chi"), CancellationToken.None));
        var blockedAfterReturn = await InScope(s => s.IsWritesBlockedAsync("msteams", "a:129:chi", CancellationToken.None));

        Assert.True(blocked);
        Assert.False(blockedAfterReturn);
    }

    [Fact]
    public async Task UpsertAsync_UserReturnsAfterBlocking_CountsAsFirstContactOnce()
    {
        await InScope(s => s.UpsertAsync(Personal("29:giang"), CancellationToken.None));
        await InScope(async s => { await s.MarkWritesBlockedAsync("msteams", "a:129:giang", CancellationToken.None); return 0; });

        var returning = await InScope(s => s.UpsertAsync(Personal("29:giang"), CancellationToken.None));
        var afterwards = await InScope(s => s.UpsertAsync(Personal("29:giang"), CancellationToken.None));

        Assert.True(returning);
        Assert.False(afterwards);
    }

    [Fact]
    public async Task FindPersonalAsync_UserOnlyInGroupChat_FindsNothing()
    {
        var group = Personal("29:dung") with { ConversationId = "19:meeting_x@thread.v2", ConversationType = "groupChat" };
        await InScope(s => s.UpsertAsync(group, CancellationToken.None));

        var found = await InScope(s => s.FindPersonalAsync("msteams", "29:dung", CancellationToken.None));

        Assert.Null(found);
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
