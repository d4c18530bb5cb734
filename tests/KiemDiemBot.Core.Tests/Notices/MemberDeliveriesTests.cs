using System.Text.Json.Nodes;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Notices;

/// <summary>
/// One delivery per member and occasion, recorded by the fan-out, on each provider: what "already sent" means, the
/// Unreachable members staged once they are reachable, two stages at once, and the outbox's outcomes carried over.
/// </summary>
public abstract class MemberDeliveriesTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Occasion = "reminder:test:2026-12-01:3";
    private static readonly JsonObject Card = new() { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Nhắc việc" }) };

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task StageToMembersAsync_SameOccasionStagedAgain_StagesNothingNewAndEachMemberHasOneDelivery()
    {
        var members = await SeedAsync(reachable: 30, unreachable: 5);
        var ids = members.Select(m => m.Id).ToList();

        var first = await StageAsync(ids);
        var second = await StageAsync(ids);

        Assert.Equal((30, 0, 5), (first.Staged, first.AlreadySent, first.Unreachable.Count));
        Assert.Equal((0, 30, 5), (second.Staged, second.AlreadySent, second.Unreachable.Count));
        var (deliveries, rows) = await ReadAsync();
        Assert.Equal(35, deliveries.Count);
        Assert.Equal(35, deliveries.Select(d => d.MemberId).Distinct().Count());
        Assert.Equal(30, deliveries.Count(d => d.Status == DeliveryStatus.Pending));
        Assert.Equal(5, deliveries.Count(d => d.Status == DeliveryStatus.Unreachable));
        Assert.Equal(30, rows.Count);
        var byId = deliveries.ToDictionary(d => d.Id);
        Assert.All(rows, r =>
        {
            var delivery = byId[r.DeliveryId!.Value];
            Assert.Equal(DeliveryStatus.Pending, delivery.Status);
            Assert.Equal(Occasion + ":" + delivery.MemberId.ToString("N"), r.DedupeKey);
            Assert.Equal("a:" + members.Single(m => m.Id == delivery.MemberId).Code, r.ConversationId);
        });
    }

    [Fact]
    public async Task StageToMembersAsync_OutboxPrunedAfterTheFirstStage_StillAlreadySent()
    {
        var members = await SeedAsync(reachable: 3, unreachable: 0);
        await StageAsync([.. members.Select(m => m.Id)]);
        await InDbAsync(db => db.OutboundActivities.ExecuteDeleteAsync());

        var again = await StageAsync([.. members.Select(m => m.Id)]);

        Assert.Equal((0, 3), (again.Staged, again.AlreadySent));
        Assert.Empty((await ReadAsync()).Rows);
    }

    [Fact]
    public async Task StageToMembersAsync_UnreachableMemberBecomesReachable_StagedOnTheNextRunOnce()
    {
        var members = await SeedAsync(reachable: 2, unreachable: 1);
        var late = members[2];
        await StageAsync([.. members.Select(m => m.Id)]);
        await InDbAsync(db =>
        {
            db.ConversationReferences.Add(Reference(late));
            return db.SaveChangesAsync();
        });

        var next = await StageAsync([.. members.Select(m => m.Id)]);
        var after = await StageAsync([.. members.Select(m => m.Id)]);

        Assert.Equal((1, 2, 0), (next.Staged, next.AlreadySent, next.Unreachable.Count));
        Assert.Equal((0, 3), (after.Staged, after.AlreadySent));
        var (deliveries, rows) = await ReadAsync();
        var delivery = deliveries.Single(d => d.MemberId == late.Id);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal("a:" + late.Code, rows.Single(r => r.DeliveryId == delivery.Id).ConversationId);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task StageToMembersAsync_TwoStagesOfOneOccasionAtOnce_EachMemberStagedOnce()
    {
        var members = await SeedAsync(reachable: 600, unreachable: 10);
        var ids = members.Select(m => m.Id).ToList();

        await Task.WhenAll(StageAsync(ids), StageAsync(ids), StageAsync(ids));

        var (deliveries, rows) = await ReadAsync();
        Assert.Equal(610, deliveries.Count);
        Assert.Equal(600, rows.Count);
        Assert.Equal(600, rows.Select(r => r.DeliveryId).Distinct().Count());
    }

    [Fact]
    public async Task OutboxOutcomes_SentFailedRetriedBlocked_DeliveriesFollowWithAttemptsAndCodes()
    {
        var members = await SeedAsync(reachable: 4, unreachable: 0);
        await StageAsync([.. members.Select(m => m.Id)]);
        var rows = (await ReadAsync()).Rows.OrderBy(r => r.Id).ToList();
        var (sent, failed, throttled, blocked) = (rows[0], rows[1], rows[2], rows[3]);

        await InOutboxAsync(async o =>
        {
            Assert.Equal(DeliveryFailureOutcome.WillRetry, await o.RecordFailureAsync(sent.Id, 3, TimeSpan.Zero, false, "503", CancellationToken.None));
        }, commit: true);
        await InOutboxAsync(o => o.MarkSentAsync(sent.Id, "m-1", sent.DeliveryId, CancellationToken.None));
        await InOutboxAsync(async o =>
        {
            Assert.Equal(DeliveryFailureOutcome.GaveUp, await o.RecordFailureAsync(failed.Id, 3, TimeSpan.Zero, true, "400", CancellationToken.None));
        }, commit: true);
        var at = storage.Clock.GetUtcNow().AddSeconds(7);
        await InOutboxAsync(o => o.RescheduleAsync(throttled.Id, at, throttled.DeliveryId, "429", CancellationToken.None));
        await InOutboxAsync(o => o.MarkBlockedAsync(
            new ConversationKey(blocked.ChannelId, blocked.ConversationId), new RefusedSend(blocked.Id, blocked.DeliveryId, "MessageWritesBlocked"), CancellationToken.None));

        var (deliveries, after) = await ReadAsync();
        Delivery Of(OutboundActivity row) => deliveries.Single(d => d.Id == row.DeliveryId);
        Assert.Equal((DeliveryStatus.Sent, 2, "503"), (Of(sent).Status, Of(sent).Attempts, Of(sent).LastError));
        Assert.Equal((DeliveryStatus.Failed, 1, "400"), (Of(failed).Status, Of(failed).Attempts, Of(failed).LastError));
        Assert.Equal((DeliveryStatus.Pending, 1, "429"), (Of(throttled).Status, Of(throttled).Attempts, Of(throttled).LastError));
        Assert.Equal((DeliveryStatus.Blocked, 1, "MessageWritesBlocked"), (Of(blocked).Status, Of(blocked).Attempts, Of(blocked).LastError));
        var putBack = after.Single(r => r.Id == throttled.Id);
        Assert.Equal((0, at.ToUnixTimeMilliseconds()), (putBack.Attempts, putBack.NextAttemptAtMs));
        Assert.Equal(OutboundActivityStatus.Blocked, after.Single(r => r.Id == blocked.Id).Status);
    }

    private async Task<NoticeFanOut> StageAsync(IReadOnlyCollection<Guid> members)
    {
        await using var scope = storage.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMemberNotices>().StageToMembersAsync(members, Card, Occasion, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    private async Task InOutboxAsync(Func<ITurnOutbox, Task> action, bool commit = false)
    {
        await using var scope = storage.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<ITurnOutbox>());
        if (commit)
        {
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        }
    }

    private async Task InDbAsync(Func<KiemDiemDbContext, Task> action)
    {
        await using var scope = storage.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>());
    }

    private async Task<(List<Delivery> Deliveries, List<OutboundActivity> Rows)> ReadAsync()
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        return (await db.Deliveries.AsNoTracking().Where(d => d.Occasion == Occasion).ToListAsync(),
            await db.OutboundActivities.AsNoTracking().ToListAsync());
    }

    /// <summary>Members of one cell: the first <paramref name="reachable"/> with a personal chat with the bot, the rest with none.</summary>
    private async Task<List<Member>> SeedAsync(int reachable, int unreachable)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var cell = new Organisation { Id = Guid.NewGuid(), Code = "CB", Name = "Chi bộ thử", Kind = OrganisationKind.GrassrootsCell };
        db.Organisations.Add(cell);
        var members = Enumerable.Range(1, reachable + unreachable).Select(n => new Member
        {
            Id = Guid.NewGuid(),
            Code = "DV" + n,
            FullName = "Đảng viên " + n,
            Email = $"dv{n}@test.kiemdiem.vn",
            EmailKey = $"dv{n}@test.kiemdiem.vn",
            EntraObjectId = Guid.NewGuid(),
            OfficialCellId = cell.Id,
            AdmittedOn = new DateOnly(2010, 1, 1),
            ActivityStatus = PartyActivityStatus.Active,
        }).ToList();
        db.Members.AddRange(members);
        db.ConversationReferences.AddRange(members.Take(reachable).Select(Reference));
        await db.SaveChangesAsync();
        return members;
    }

    private ConversationReferenceRecord Reference(Member member) => new()
    {
        ChannelId = "msteams",
        ConversationId = "a:" + member.Code,
        UserId = "29:" + member.Code,
        UserAadObjectId = member.EntraObjectId!.Value.ToString(),
        ServiceUrl = "https://smba.trafficmanager.net/apac/",
        ConversationType = "personal",
        FirstSeenAt = storage.Clock.GetUtcNow(),
        LastSeenAt = storage.Clock.GetUtcNow(),
    };
}

public sealed class SqliteMemberDeliveriesTests() : MemberDeliveriesTests(StorageProvider.Sqlite);

public sealed class PostgresMemberDeliveriesTests() : MemberDeliveriesTests(StorageProvider.PostgreSQL);
