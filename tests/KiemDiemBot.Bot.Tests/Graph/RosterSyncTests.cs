using KiemDiemBot.Bot.CommandLine;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.DirectorySync;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Graph;

/// <summary>Roster sync from a Microsoft 365 group through the host's Graph client, against the fake Graph, on each provider.</summary>
public abstract class RosterSyncTests(StorageProvider provider)
{
    [Fact]
    public async Task SyncAsync_1200MembersOverPagesThrottledMidwayThenDelta_EveryoneOnceChangesApplied()
    {
        // The group: users 1..1200. The roster: 1..1100 by e-mail (1..50 already signed in, so known by object id),
        // and 1201..1250 who are not in the group. Users 1101..1200 are in the group only.
        var roster = Enumerable.Range(1, 1100).Select(n => n <= 50
                ? RosterSyncScene.Member(n) with { EntraObjectId = RosterSyncScene.User(n).Id }
                : RosterSyncScene.Member(n))
            .Concat(Enumerable.Range(1201, 50).Select(RosterSyncScene.Member));
        await using var scene = await RosterSyncScene.StartAsync(provider, Enumerable.Range(1, 1200).Select(n => RosterSyncScene.User(n)), roster);
        // The second page of members is throttled once.
        scene.Graph.FailNext(1, FakeGraphFailure.Throttled(TimeSpan.FromSeconds(12)), "/members/", skip: 1);

        var (full, fullWaits) = await scene.SyncAsync();

        Assert.Equal(RosterSyncRound.Full, full!.Round);
        Assert.Equal([TimeSpan.FromSeconds(12)], fullWaits);
        Assert.Equal([200, 429, 200], scene.Graph.Requests.Where(r => r.Path.Contains("/members/", StringComparison.Ordinal)).Select(r => r.Status));
        Assert.Equal(1100, full.Matched.Count);
        Assert.Equal(1050, full.NewlyLinked);
        Assert.Equal(Enumerable.Range(1101, 100).Select(n => $"dv{n}@so.gov.vn").Order(), full.NewInGroup.Select(p => p.Email!).Order());
        Assert.All(full.NewInGroup, p => Assert.Null(p.MemberCode));
        Assert.Equal(Enumerable.Range(1201, 50).Select(n => $"DV{n:D4}"), full.MissingFromGroup.Select(p => p.MemberCode!));
        Assert.Empty(full.Left);
        var people = await scene.PeopleAsync();
        Assert.Equal(1200, people.Count);
        Assert.Equal(1200, people.Select(p => p.EntraObjectId).Distinct().Count());
        var members = await scene.MembersAsync();
        Assert.Equal(1150, members.Count);
        Assert.All(members.Where(m => string.CompareOrdinal(m.Code, "DV1100") <= 0), m => Assert.Equal(RosterSyncScene.User(int.Parse(m.Code[2..], System.Globalization.CultureInfo.InvariantCulture)).Id, m.EntraObjectId));
        Assert.All(members.Where(m => string.CompareOrdinal(m.Code, "DV1100") > 0), m => Assert.Null(m.EntraObjectId));

        // Overnight: member 1201 joins the group, member 7 leaves it, member 300 gets a new job title.
        scene.Directory.AddUser(RosterSyncScene.User(1201));
        scene.Directory.AddMember(RosterSyncScene.GroupId, RosterSyncScene.User(1201).Id);
        scene.Directory.RemoveMember(RosterSyncScene.GroupId, RosterSyncScene.User(7).Id);
        scene.Directory.UpdateUser(RosterSyncScene.User(300, "Phó Chánh Văn phòng"));
        var requestsBefore = scene.Graph.Requests.Count;

        var (delta, _) = await scene.SyncAsync();

        Assert.Equal(RosterSyncRound.Delta, delta!.Round);
        Assert.DoesNotContain(scene.Graph.Requests.Skip(requestsBefore), r => r.Path.Contains("/members/", StringComparison.Ordinal));
        Assert.Equal(1100, delta.Matched.Count);
        Assert.Equal(1, delta.NewlyLinked);
        Assert.Equal("DV0007", Assert.Single(delta.Left).MemberCode);
        Assert.Contains(delta.Matched, p => p.MemberCode == "DV1201");
        Assert.Contains(delta.MissingFromGroup, p => p.MemberCode == "DV0007");
        Assert.DoesNotContain(delta.MissingFromGroup, p => p.MemberCode == "DV1201");
        people = await scene.PeopleAsync();
        Assert.Equal(1201, people.Count);
        var left = people.Single(p => p.EntraObjectId == RosterSyncScene.User(7).Id);
        Assert.NotNull(left.LeftAt);
        Assert.Equal("Phó Chánh Văn phòng", people.Single(p => p.EntraObjectId == RosterSyncScene.User(300).Id).JobTitle);
        members = await scene.MembersAsync();
        Assert.Equal(1150, members.Count);
        Assert.NotNull(members.Single(m => m.Code == "DV0007").LeftDirectoryAt);
        Assert.Equal(RosterSyncScene.User(1201).Id, members.Single(m => m.Code == "DV1201").EntraObjectId);
        Assert.Single(members, m => m.LeftDirectoryAt is not null);
        Assert.Empty(scene.Graph.UnhandledRequests);
    }

    [Fact]
    public async Task SyncAsync_RosterEmailInOtherCase_MemberGetsObjectIdAudited()
    {
        var lan = new FakeDirectoryUser(Guid.Parse("3e9d2c1b-0a4f-4e5d-8c7b-6a5f4e3d2c1b"), "Nguyễn Thị Lan", "lan.nguyen@so.gov.vn", "lan.nguyen@so.gov.vn", "Chuyên viên");
        await using var scene = await RosterSyncScene.StartAsync(provider, [lan], [new TestRosterMember("DV0001", "Nguyễn Thị Lan", "Lan.Nguyen@SO.gov.vn")]);

        var (report, _) = await scene.SyncAsync();

        var matched = Assert.Single(report!.Matched);
        Assert.Equal("DV0001", matched.MemberCode);
        var member = Assert.Single(await scene.MembersAsync());
        Assert.Equal(lan.Id, member.EntraObjectId);
        await using var scope = scene.Host.Services.CreateAsyncScope();
        var audit = Assert.Single(await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Member, member.Id, CancellationToken.None));
        Assert.Equal(AuditFields.MemberEntraObjectId, audit.Field);
        Assert.Equal(lan.Id.ToString(), audit.To);
        Assert.Equal("matched:email", audit.Reason);
    }

    [Fact]
    public async Task SyncAsync_DeltaLinkRefused_ReadsTheWholeGroupAgainAndFlagsWhoLeft()
    {
        await using var scene = await RosterSyncScene.StartAsync(provider,
            Enumerable.Range(1, 3).Select(n => RosterSyncScene.User(n)), Enumerable.Range(1, 3).Select(RosterSyncScene.Member));
        await scene.SyncAsync();
        scene.Directory.RemoveMember(RosterSyncScene.GroupId, RosterSyncScene.User(2).Id);
        scene.Directory.ExpireDeltaTokens();

        var (report, _) = await scene.SyncAsync();

        Assert.Equal(RosterSyncRound.Full, report!.Round);
        Assert.Equal(410, scene.Graph.Requests.First(r => r.Status >= 400).Status);
        Assert.Equal("DV0002", Assert.Single(report.Left).MemberCode);
        Assert.Equal(["DV0001", "DV0003"], report.Matched.Select(p => p.MemberCode));
        Assert.Equal(3, (await scene.PeopleAsync()).Count);
        Assert.NotNull((await scene.MembersAsync()).Single(m => m.Code == "DV0002").LeftDirectoryAt);

        // The next round reads from the new link again.
        var (next, _) = await scene.SyncAsync();
        Assert.Equal(RosterSyncRound.Delta, next!.Round);
        Assert.Empty(next.Left);
    }

    [Fact]
    public async Task SyncCommand_LinkThenSync_PrintsTheReportInVietnamese()
    {
        await using var scene = await RosterSyncScene.StartAsync(provider,
            [RosterSyncScene.User(1), RosterSyncScene.User(2)], [RosterSyncScene.Member(1), RosterSyncScene.Member(3)]);
        var output = new StringWriter();

        var (exitCode, _) = await scene.Host.RunPassingWaitsAsync(s => Command(s, output).RunAsync([RosterSyncScene.CellCode], CancellationToken.None));

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"Đồng bộ {RosterSyncScene.CellName} ({RosterSyncScene.CellCode}) từ nhóm {RosterSyncScene.GroupId}, đọc toàn bộ nhóm:",
            "Khớp với danh sách đảng viên: 1 người.",
            "Trong đó 1 người được gắn tài khoản Microsoft 365 lần này (khớp theo e-mail).",
            "Có trong nhóm nhưng chưa có trong danh sách đảng viên: 1 người (thư ký bổ sung bằng lệnh import nếu đúng là đảng viên):",
            "  - Đảng viên 0002 <dv2@so.gov.vn>, Chuyên viên",
            "Có trong danh sách đảng viên nhưng không có trong nhóm: 1 người:",
            "  - Đảng viên 0003 (mã DV0003) <dv3@so.gov.vn>",
        ], lines);

        var linkOutput = new StringWriter();
        var (linkExit, _) = await scene.Host.RunPassingWaitsAsync(s => Command(s, linkOutput).RunAsync(["link", RosterSyncScene.CellCode, "khong-co-nhom-nay"], CancellationToken.None));
        Assert.Equal(2, linkExit);
        Assert.Equal("Không tìm thấy nhóm Microsoft 365 có id khong-co-nhom-nay (hoặc ứng dụng chưa được cấp quyền đọc nhóm).", linkOutput.ToString().Trim());
    }

    private static SyncCommand Command(IServiceProvider services, TextWriter output) => new(
        services.GetRequiredService<IServiceScopeFactory>(),
        services.GetRequiredService<IDatabaseMigrator>(),
        services.GetRequiredService<StorageOptions>(),
        output);
}

public sealed class SqliteRosterSyncTests() : RosterSyncTests(StorageProvider.Sqlite);

public sealed class PostgresRosterSyncTests() : RosterSyncTests(StorageProvider.PostgreSQL);
