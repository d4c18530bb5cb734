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

/// <summary>One card to many members' personal chats through the outbox, on each provider, at a size that needs several insert batches.</summary>
public abstract class MemberNoticesTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Scope = "cycle-opened:test";
    private static readonly JsonObject Card = new() { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Bắt đầu kiểm điểm" }) };

    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task StageToOrganisationAsync_1200Members_OneRowPerReachableMemberOnceAndNoneTracked()
    {
        // 1,230 members of the committee: more than MemberNotices.SmallAudience, so every personal chat is read at once.
        var tree = await SeedAsync(teams: 1_100, local: 40, blocked: 30, groupOnly: 30, none: 30, exempt: 5, elsewhere: 20);

        var (first, tracked) = await StageAsync(s => s.StageToOrganisationAsync(tree.Committee, Card, Scope, CancellationToken.None));
        var (second, _) = await StageAsync(s => s.StageToOrganisationAsync(tree.Committee, Card, Scope, CancellationToken.None));

        Assert.Equal(1_140, first.Staged);
        Assert.Equal(0, first.AlreadySent);
        Assert.Equal(90, first.Unreachable.Count);
        Assert.Equal(0, tracked);
        Assert.Equal(0, second.Staged);
        Assert.Equal(1_140, second.AlreadySent);
        await using var scope = storage.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().OutboundActivities.AsNoTracking()
            .Where(a => a.DedupeKey!.StartsWith(Scope + ":"))
            .ToListAsync();
        Assert.Equal(1_140, rows.Count);
        Assert.Equal(1_140, rows.Select(r => r.ConversationId).Distinct().Count());
        Assert.All(rows, r =>
        {
            Assert.Equal(OutboundActivityStatus.Pending, r.Status);
            Assert.Equal(OutboundOperation.Send, r.Operation);
            Assert.Null(r.InboundActivityId);
            Assert.Equal(NoticeMessage.Payload(Card), r.Payload);
        });
        Assert.DoesNotContain(rows, r => r.ConversationId.StartsWith("elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StageToMembersAsync_FewMembersOneWithTwoPersonalChats_WritesToTheOneSeenLastAndFindsLocalUsersByEmail()
    {
        var tree = await SeedAsync(teams: 1, local: 1, blocked: 0, groupOnly: 0, none: 0, exempt: 0, elsewhere: 0);
        var member = tree.Members[0];
        var local = tree.Members[1];
        await AddReferenceAsync(new ConversationReferenceRecord
        {
            ChannelId = "msteams", ConversationId = "a:newer", UserId = "29:newer", UserAadObjectId = member.EntraObjectId!.Value.ToString().ToUpperInvariant(),
            ServiceUrl = "https://smba.trafficmanager.net/apac/", ConversationType = "personal",
            FirstSeenAt = storage.Clock.GetUtcNow().AddDays(1), LastSeenAt = storage.Clock.GetUtcNow().AddDays(1),
        });

        var (sent, _) = await StageAsync(s => s.StageToMembersAsync([member.Id, local.Id, Guid.NewGuid()], Card, "reminder:test", CancellationToken.None));

        Assert.Equal(2, sent.Staged);
        Assert.Empty(sent.Unreachable);
        await using var scope = storage.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().OutboundActivities.AsNoTracking().ToListAsync();
        var row = rows.Single(r => r.DedupeKey == "reminder:test:" + member.Id.ToString("N"));
        Assert.Equal("a:newer", row.ConversationId);
        Assert.Equal("https://smba.trafficmanager.net/apac/", row.ServiceUrl);
        Assert.Equal("p-" + local.Code, rows.Single(r => r.DedupeKey == "reminder:test:" + local.Id.ToString("N")).ConversationId);
    }

    private async Task<(NoticeFanOut Result, int Tracked)> StageAsync(Func<IMemberNotices, Task<NoticeFanOut>> stage)
    {
        await using var scope = storage.CreateScope();
        var result = await stage(scope.ServiceProvider.GetRequiredService<IMemberNotices>());
        var tracked = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().ChangeTracker.Entries().Count();
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return (result, tracked);
    }

    private async Task AddReferenceAsync(ConversationReferenceRecord reference)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        db.ConversationReferences.Add(reference);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A grassroots committee with three cells and members in them: reachable in Teams (by object id), reachable in
    /// the local channel (by e-mail, written in another case), blocked, in a group chat only, never seen, exempt from
    /// activities; and members of another organisation.
    /// </summary>
    private async Task<(Guid Committee, List<Member> Members)> SeedAsync(int teams, int local, int blocked, int groupOnly, int none, int exempt, int elsewhere)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var committee = Organisation("DB", OrganisationKind.GrassrootsCommittee, null);
        var cells = Enumerable.Range(1, 3).Select(i => Organisation("CB" + i, OrganisationKind.AffiliatedCell, committee.Id)).ToList();
        var other = Organisation("KHAC", OrganisationKind.GrassrootsCell, null);
        db.Organisations.AddRange([committee, .. cells, other]);
        var members = new List<Member>();
        var now = storage.Clock.GetUtcNow();
        var n = 0;
        Member Add(Guid cell, PartyActivityStatus status = PartyActivityStatus.Active)
        {
            n++;
            var email = $"dv{n}@test.kiemdiem.vn";
            var member = new Member
            {
                Id = Guid.NewGuid(),
                Code = "DV" + n,
                FullName = "Đảng viên " + n,
                Email = email,
                EmailKey = email,
                EntraObjectId = Guid.NewGuid(),
                OfficialCellId = cell,
                AdmittedOn = new DateOnly(2010, 1, 1),
                ActivityStatus = status,
            };
            db.Members.Add(member);
            members.Add(member);
            return member;
        }
        ConversationReferenceRecord Reference(string conversation, string userId, string? objectId, string type) => new()
        {
            ChannelId = objectId is null ? "local" : "msteams",
            ConversationId = conversation,
            UserId = userId,
            UserAadObjectId = objectId,
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            ConversationType = type,
            FirstSeenAt = now,
            LastSeenAt = now,
        };
        for (var i = 0; i < teams + local + blocked + groupOnly + none + exempt; i++)
        {
            var status = i >= teams + local + blocked + groupOnly + none ? PartyActivityStatus.ExemptFromWorkAndActivities : PartyActivityStatus.Active;
            var member = Add(cells[i % cells.Count].Id, status);
            if (i < teams || i >= teams + local + blocked + groupOnly + none)
            {
                db.ConversationReferences.Add(Reference("a:" + member.Code, "29:" + member.Code, member.EntraObjectId!.Value.ToString(), "personal"));
            }
            else if (i < teams + local)
            {
                db.ConversationReferences.Add(Reference("p-" + member.Code, member.Email!.ToUpperInvariant(), null, "personal"));
            }
            else if (i < teams + local + blocked)
            {
                var reference = Reference("a:" + member.Code, "29:" + member.Code, member.EntraObjectId!.Value.ToString(), "personal");
                reference.WritesBlockedAt = now;
                db.ConversationReferences.Add(reference);
            }
            else if (i < teams + local + blocked + groupOnly)
            {
                db.ConversationReferences.Add(Reference("19:group", "29:" + member.Code, member.EntraObjectId!.Value.ToString(), "groupChat"));
            }
        }
        for (var i = 0; i < elsewhere; i++)
        {
            var member = Add(other.Id);
            db.ConversationReferences.Add(Reference("elsewhere-" + member.Code, "29:" + member.Code, member.EntraObjectId!.Value.ToString(), "personal"));
        }
        await db.SaveChangesAsync();
        return (committee.Id, members);
    }

    private static Organisation Organisation(string code, OrganisationKind kind, Guid? parent) =>
        new() { Id = Guid.NewGuid(), Code = code, Name = "Tổ chức " + code, Kind = kind, ParentId = parent };
}

public sealed class SqliteMemberNoticesTests() : MemberNoticesTests(StorageProvider.Sqlite);

public sealed class PostgresMemberNoticesTests() : MemberNoticesTests(StorageProvider.PostgreSQL);
