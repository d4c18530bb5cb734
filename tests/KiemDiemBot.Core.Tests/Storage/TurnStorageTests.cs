using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Storage;

/// <summary>The inbox, outbox and conversation leases on both providers, with real concurrency.</summary>
public abstract class TurnStorageTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly ConversationKey Conversation = new("msteams", "a:1turns");

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private static InboundEnvelope Message(string activityId, ConversationKey? conversation = null)
    {
        var key = conversation ?? Conversation;
        return new(key.ChannelId, key.ConversationId, activityId, "message", "{\"type\":\"message\",\"id\":\"" + activityId + "\"}");
    }

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<bool> AdmitAsync(InboundEnvelope envelope) =>
        InScope(s => s.GetRequiredService<ITurnInbox>().AdmitAsync(envelope, CancellationToken.None));

    [Fact]
    public async Task AdmitAsync_SameActivityTwentyTimesAtOnce_StoresItOnce()
    {
        var admitted = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => AdmitAsync(Message("1001")))));

        var work = await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None));
        Assert.Equal(1, admitted.Count(a => a));
        Assert.NotNull(work?.TurnId);
    }

    [Fact]
    public async Task NextAsync_ThreeTurnsStored_GivesThemInArrivalOrderAsEachIsDone()
    {
        foreach (var id in new[] { "3", "1", "2" })
        {
            await AdmitAsync(Message(id));
        }

        List<string> order = [];
        while (await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None)) is { Turn: { } turn })
        {
            await InScope(async s =>
            {
                order.Add(turn.ActivityId);
                s.GetRequiredService<ITurnInbox>().StageDone(turn);
                await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
                return 0;
            });
        }

        Assert.Equal(["3", "1", "2"], order);
    }

    [Fact]
    public async Task TryLeaseAsync_TwoOwnersAtOnce_OnlyOneHoldsTheConversationUntilItExpires()
    {
        var lease = TimeSpan.FromMinutes(2);
        var results = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(i => Task.Run(() =>
                InScope(s => s.GetRequiredService<ITurnQueue>().TryLeaseAsync(Conversation, "owner-" + (i % 2), lease, CancellationToken.None)))));
        var winner = Array.IndexOf(results, true) % 2;

        var otherBeforeExpiry = await InScope(s => s.GetRequiredService<ITurnQueue>().TryLeaseAsync(Conversation, "owner-" + (1 - winner), lease, CancellationToken.None));
        storage.Clock.Advance(lease);
        var otherAfterExpiry = await InScope(s => s.GetRequiredService<ITurnQueue>().TryLeaseAsync(Conversation, "owner-" + (1 - winner), lease, CancellationToken.None));

        Assert.All(results.Where((_, i) => i % 2 != winner), r => Assert.False(r));
        Assert.False(otherBeforeExpiry);
        Assert.True(otherAfterExpiry);
    }

    [Fact]
    public async Task TryLeaseWithNextAsync_GivesTheWorkOnlyToTheOwnerWhoHoldsTheLeaseRepliesBeforeTurns()
    {
        var queue = (IServiceProvider s) => s.GetRequiredService<ITurnQueue>();
        var lease = TimeSpan.FromMinutes(2);

        var idle = await InScope(s => queue(s).TryLeaseWithNextAsync(Conversation, "me", lease, CancellationToken.None));
        await AdmitAsync(Message("1"));
        await AdmitAsync(Message("2"));
        var other = await InScope(s => queue(s).TryLeaseWithNextAsync(Conversation, "other", lease, CancellationToken.None));
        var first = await InScope(s => queue(s).TryLeaseWithNextAsync(Conversation, "me", lease, CancellationToken.None));
        await InScope(async s =>
        {
            s.GetRequiredService<ITurnInbox>().StageDone(first.Work!.Turn!);
            s.GetRequiredService<ITurnOutbox>().Stage(new OutboundEnvelope(Conversation, "https://smba.trafficmanager.net/apac/", OutboundOperation.Reply, "1", "{}"));
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return 0;
        });
        var reply = await InScope(s => queue(s).TryLeaseWithNextAsync(Conversation, "me", lease, CancellationToken.None));

        Assert.Equal(new LeasedWork(true, null), idle);
        Assert.Equal(new LeasedWork(false, null), other);
        Assert.True(first.Leased);
        Assert.Equal("1", first.Work!.Turn!.ActivityId);
        Assert.Equal(Message("1").Payload, first.Work.Turn.Payload);
        Assert.True(reply.Leased);
        Assert.NotNull(reply.Work!.DeliveryId);
        Assert.Null(reply.Work.Turn);
    }

    [Fact]
    public async Task TryReleaseIfIdleAsync_KeepsTheLeaseWhileATurnIsDueAndGivesItUpOnceNoneIs()
    {
        var queue = (IServiceProvider s) => s.GetRequiredService<ITurnQueue>();
        var lease = TimeSpan.FromMinutes(2);
        await AdmitAsync(Message("1"));
        await InScope(s => queue(s).TryLeaseAsync(Conversation, "me", lease, CancellationToken.None));

        var releasedWithTurnDue = await InScope(s => queue(s).TryReleaseIfIdleAsync(Conversation, "me", CancellationToken.None));
        var otherWhileKept = await InScope(s => queue(s).TryLeaseAsync(Conversation, "other", lease, CancellationToken.None));
        var turn = (await InScope(s => queue(s).NextAsync(Conversation, CancellationToken.None)))!.Turn!;
        await InScope(async s =>
        {
            await s.GetRequiredService<ITurnInbox>().RecordFailureAsync(turn.Id, 5, TimeSpan.FromMinutes(1), permanent: false, CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return 0;
        });
        var releasedByOther = await InScope(s => queue(s).TryReleaseIfIdleAsync(Conversation, "other", CancellationToken.None));
        var releasedWithTurnBackingOff = await InScope(s => queue(s).TryReleaseIfIdleAsync(Conversation, "me", CancellationToken.None));
        var otherAfterRelease = await InScope(s => queue(s).TryLeaseAsync(Conversation, "other", lease, CancellationToken.None));

        Assert.Equal("1", turn.ActivityId);
        Assert.Equal(Message("1").Payload, turn.Payload);
        Assert.False(releasedWithTurnDue);
        Assert.False(otherWhileKept);
        Assert.False(releasedByOther);
        Assert.True(releasedWithTurnBackingOff);
        Assert.True(otherAfterRelease);
    }

    [Fact]
    public async Task FindReadyAsync_ConversationLeasedByAnotherOwner_IsNotOffered()
    {
        var other = new ConversationKey("msteams", "a:1other");
        await AdmitAsync(Message("1"));
        await AdmitAsync(Message("2", other));
        await InScope(s => s.GetRequiredService<ITurnQueue>().TryLeaseAsync(other, "someone-else", TimeSpan.FromMinutes(2), CancellationToken.None));

        var ready = await InScope(s => s.GetRequiredService<ITurnQueue>().FindReadyAsync("me", 10, CancellationToken.None));

        Assert.Equal([Conversation], ready);
    }

    [Fact]
    public async Task RecordFailureAsync_LastAttempt_FailsTheTurnAndAFailureNoticeIsStagedOnce()
    {
        await AdmitAsync(Message("9"));
        var turnId = (await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None)))!.TurnId!.Value;

        List<TurnFailureOutcome> outcomes = [];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            outcomes.Add(await InScope(async s =>
            {
                var failure = await s.GetRequiredService<ITurnInbox>().RecordFailureAsync(turnId, 2, TimeSpan.Zero, permanent: false, CancellationToken.None);
                var outbox = s.GetRequiredService<ITurnOutbox>();
                await outbox.StageFailureNoticeAsync(turnId, Conversation, "https://smba.trafficmanager.net/apac/", "9", "{}", CancellationToken.None);
                await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
                return failure.Outcome;
            }));
        }
        var next = await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None));
        var notice = await InScope(s => s.GetRequiredService<ITurnOutbox>().LoadPendingAsync(next!.DeliveryId!.Value, CancellationToken.None));
        await InScope(async s => { await s.GetRequiredService<ITurnOutbox>().MarkSentAsync(notice!.Id, "sent-1", CancellationToken.None); return 0; });
        var afterNotice = await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None));

        Assert.Equal([TurnFailureOutcome.WillRetry, TurnFailureOutcome.GaveUp, TurnFailureOutcome.NotPending], outcomes);
        Assert.True(notice!.IsFailureNotice);
        Assert.Null(afterNotice);
    }

    [Fact]
    public async Task ClaimInvokeAsync_SameInvokeAtOnce_OneClaimsAndTheOthersReadItsAnswer()
    {
        var invoke = Message("f:77") with { ActivityType = "invoke" };

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            InScope(s => s.GetRequiredService<ITurnInbox>().ClaimInvokeAsync(invoke, CancellationToken.None)))));
        await InScope(async s =>
        {
            await s.GetRequiredService<ITurnInbox>().RecordInvokeAnswerAsync(Conversation, "f:77", new InvokeAnswer(200, "{\"ok\":true}"), CancellationToken.None);
            return 0;
        });
        var answer = await InScope(s => s.GetRequiredService<ITurnInbox>().FindInvokeAnswerAsync(Conversation, "f:77", CancellationToken.None));
        var queued = await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None));

        Assert.Equal(1, claims.Count(c => c));
        Assert.Equal(new InvokeAnswer(200, "{\"ok\":true}"), answer);
        Assert.Null(queued);
    }

    [Fact]
    public async Task PruneAsync_FinishedRowsOlderThanTheCutOff_DeletedWhilePendingAndRecentOnesStay()
    {
        await AdmitAsync(Message("old-done"));
        await AdmitAsync(Message("old-pending", new ConversationKey("msteams", "a:1pending")));
        var old = (await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None)))!.Turn!;
        await InScope(async s =>
        {
            s.GetRequiredService<ITurnInbox>().StageDone(old);
            s.GetRequiredService<ITurnOutbox>().Stage(new OutboundEnvelope(Conversation, "https://smba.trafficmanager.net/apac/", OutboundOperation.Reply, "old-done", "{}"));
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return 0;
        });
        var sent = (await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None)))!.DeliveryId!.Value;
        await InScope(async s => { await s.GetRequiredService<ITurnOutbox>().MarkSentAsync(sent, "1", CancellationToken.None); return 0; });
        storage.Clock.Advance(TimeSpan.FromDays(8));
        await AdmitAsync(Message("recent"));

        var deleted = await InScope(s => s.GetRequiredService<ITurnInbox>().PruneAsync(storage.Clock.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None));
        var redelivered = await AdmitAsync(Message("old-done"));
        var pendingStays = await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(new ConversationKey("msteams", "a:1pending"), CancellationToken.None));

        Assert.Equal(2, deleted);
        Assert.True(redelivered);
        Assert.NotNull(pendingStays?.TurnId);
    }

    [Fact]
    public async Task PruneAsync_SentNoticeOlderThanTheCutOff_StillRefusesTheSameNoticeAgain()
    {
        var notice = new OutboundEnvelope(Conversation, "https://smba.trafficmanager.net/apac/", OutboundOperation.Send, null, "{\"text\":\"Đợt kiểm điểm đã mở\"}")
        {
            DedupeKey = "cycle-opened:c1:m1",
        };
        await InScope(async s =>
        {
            s.GetRequiredService<ITurnOutbox>().Stage(notice);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return 0;
        });
        var sent = (await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None)))!.DeliveryId!.Value;
        await InScope(async s => { await s.GetRequiredService<ITurnOutbox>().MarkSentAsync(sent, "1", CancellationToken.None); return 0; });
        storage.Clock.Advance(TimeSpan.FromDays(30));

        await InScope(s => s.GetRequiredService<ITurnInbox>().PruneAsync(storage.Clock.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None));

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => InScope(async s =>
        {
            s.GetRequiredService<ITurnOutbox>().Stage(notice);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return 0;
        }));
        Assert.Null(await InScope(s => s.GetRequiredService<ITurnQueue>().NextAsync(Conversation, CancellationToken.None)));
    }
}

public sealed class SqliteTurnStorageTests() : TurnStorageTests(StorageProvider.Sqlite);

public sealed class PostgresTurnStorageTests() : TurnStorageTests(StorageProvider.PostgreSQL);
