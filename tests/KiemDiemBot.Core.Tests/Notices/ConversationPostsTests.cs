using System.Text.Json.Nodes;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Notices;

/// <summary>Updating a posted card through the outbox on both providers: still pending, already sent, never posted.</summary>
public abstract class ConversationPostsTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Key = "ballot-status:test";
    private const string ServiceUrl = "https://smba.trafficmanager.net/apac/";

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private static JsonObject Card(string text) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text }),
    };

    private async Task<long> PostAsync(OutboundActivityStatus status, string? sentActivityId)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var row = new OutboundActivity
        {
            ChannelId = "msteams", ConversationId = "19:meeting@thread.v2", ServiceUrl = ServiceUrl, Operation = OutboundOperation.Send,
            Payload = NoticeMessage.Payload(Card("đã bỏ phiếu 0/10")), Status = status, SentActivityId = sentActivityId, DedupeKey = Key,
        };
        db.OutboundActivities.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<bool> UpdateAsync(JsonObject card)
    {
        await using var scope = storage.CreateScope();
        var staged = await scope.ServiceProvider.GetRequiredService<IConversationPosts>().StageUpdateAsync(Key, card, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return staged;
    }

    private async Task<List<OutboundActivity>> RowsAsync()
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().OutboundActivities.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task StageUpdateAsync_OriginalStillPending_ReplacesItsContentAndAddsNoRow()
    {
        await PostAsync(OutboundActivityStatus.Pending, null);

        Assert.True(await UpdateAsync(Card("đã bỏ phiếu 3/10")));

        var row = Assert.Single(await RowsAsync());
        Assert.Equal(NoticeMessage.Payload(Card("đã bỏ phiếu 3/10")), row.Payload);
        Assert.Equal(OutboundOperation.Send, row.Operation);
    }

    [Fact]
    public async Task StageUpdateAsync_OriginalSent_OneUpdateOfTheSentActivityWithTheLatestCard()
    {
        await PostAsync(OutboundActivityStatus.Sent, "1:posted");

        await UpdateAsync(Card("đã bỏ phiếu 1/10"));
        await UpdateAsync(Card("đã bỏ phiếu 2/10"));
        Assert.True(await UpdateAsync(Card("đã bỏ phiếu 3/10")));

        var rows = await RowsAsync();
        Assert.Equal(2, rows.Count);
        var update = rows[1];
        Assert.Equal(OutboundOperation.Update, update.Operation);
        Assert.Equal("1:posted", update.TargetActivityId);
        Assert.Equal(OutboundActivityStatus.Pending, update.Status);
        Assert.Equal(("msteams", "19:meeting@thread.v2", ServiceUrl), (update.ChannelId, update.ConversationId, update.ServiceUrl));
        Assert.Null(update.InboundActivityId);
        Assert.Null(update.DedupeKey);
        Assert.Equal(NoticeMessage.Payload(Card("đã bỏ phiếu 3/10")), update.Payload);
    }

    [Fact]
    public async Task StageUpdateAsync_EarlierUpdateAlreadySent_KeepsItAndAddsTheNewOne()
    {
        await PostAsync(OutboundActivityStatus.Sent, "1:posted");
        await UpdateAsync(Card("đã bỏ phiếu 1/10"));
        await using (var scope = storage.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().OutboundActivities
                .Where(a => a.Operation == OutboundOperation.Update)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, OutboundActivityStatus.Sent));
        }

        await UpdateAsync(Card("đã bỏ phiếu 2/10"));

        var rows = await RowsAsync();
        Assert.Equal(3, rows.Count);
        Assert.Equal(OutboundActivityStatus.Sent, rows[1].Status);
        Assert.Equal(OutboundActivityStatus.Pending, rows[2].Status);
        Assert.Equal(NoticeMessage.Payload(Card("đã bỏ phiếu 2/10")), rows[2].Payload);
    }

    [Fact]
    public async Task StageUpdateAsync_BuiltInsideTheCommit_ReadsWhatTheCommitWroteBeforeIt()
    {
        await PostAsync(OutboundActivityStatus.Pending, null);
        await using var scope = storage.CreateScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        unitOfWork.Stage((context, ct) => context.Database.ExecuteSqlRawAsync(
            "UPDATE outbound_activities SET attempts = 7 WHERE dedupe_key = {0}", [Key], ct));

        await scope.ServiceProvider.GetRequiredService<IConversationPosts>().StageUpdateAsync(Key, async ct =>
        {
            var attempts = await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().OutboundActivities
                .Where(a => a.DedupeKey == Key).Select(a => a.Attempts).SingleAsync(ct);
            return Card($"đã bỏ phiếu {attempts}/10");
        }, CancellationToken.None);
        await unitOfWork.CommitAsync(CancellationToken.None);

        Assert.Equal(NoticeMessage.Payload(Card("đã bỏ phiếu 7/10")), Assert.Single(await RowsAsync()).Payload);
    }

    [Fact]
    public async Task StageUpdateAsync_NothingPostedUnderTheKey_FalseAndNothingWritten()
    {
        Assert.False(await UpdateAsync(Card("đã bỏ phiếu 1/10")));

        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task StageUpdateAsync_OriginalFailed_NoUpdateStaged()
    {
        await PostAsync(OutboundActivityStatus.Failed, null);

        await UpdateAsync(Card("đã bỏ phiếu 1/10"));

        Assert.Single(await RowsAsync());
    }
}

public sealed class SqliteConversationPostsTests() : ConversationPostsTests(StorageProvider.Sqlite);

public sealed class PostgresConversationPostsTests() : ConversationPostsTests(StorageProvider.PostgreSQL);
