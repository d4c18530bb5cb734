using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.DirectorySync;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Graph;

/// <summary>
/// A fake tenant (<see cref="FakeGraph"/> with its directory), a migrated database and the real host with roster sync
/// on; a cell on the roster linked to one group. Rounds run as the nightly job runs each organisation: one scope,
/// <see cref="IRosterSync.SyncAsync"/>, one commit, with every Graph wait passed on the host's clock.
/// </summary>
internal sealed class RosterSyncScene : IAsyncDisposable
{
    public const string CellCode = "CB-VP";
    public const string CellName = "Chi bộ Văn phòng";
    public const string GroupId = "5f0c1a2e-7b3d-4e8f-9a10-b2c3d4e5f607";

    private RosterSyncScene(FakeGraph graph, FakeGraphDirectory directory, MigratedStorage storage, GraphHost host, Guid cellId)
    {
        Graph = graph;
        Directory = directory;
        Storage = storage;
        Host = host;
        CellId = cellId;
    }

    public FakeGraph Graph { get; }

    public FakeGraphDirectory Directory { get; }

    public MigratedStorage Storage { get; }

    public GraphHost Host { get; }

    public Guid CellId { get; }

    /// <summary>The tenant with <paramref name="groupMembers"/> in the group, the roster with <paramref name="roster"/>, linked.</summary>
    public static async Task<RosterSyncScene> StartAsync(StorageProvider provider, IEnumerable<FakeDirectoryUser> groupMembers, IEnumerable<TestRosterMember> roster)
    {
        var entra = GraphHost.CreateEntra();
        var graph = new FakeGraph(entra, new FakeTimeProvider());
        var directory = new FakeGraphDirectory(graph);
        directory.AddGroup(GroupId, "Đảng viên Văn phòng");
        foreach (var user in groupMembers)
        {
            directory.AddUser(user);
            directory.AddMember(GroupId, user.Id);
        }
        await graph.StartAsync();
        var storage = await MigratedStorage.CreateAsync(provider, TimeProvider.System);
        var cellId = await TestDirectoryRoster.SeedCellAsync(storage.CreateScope().ServiceProvider, CellCode, CellName, roster);
        var host = GraphHost.Start(provider, storage.ConnectionString, graph, entra);
        var scene = new RosterSyncScene(graph, directory, storage, host, cellId);
        await using var scope = host.Services.CreateAsyncScope();
        var linked = await scope.ServiceProvider.GetRequiredService<IRosterSync>().LinkAsync(CellCode, GroupId, CancellationToken.None);
        Assert.Equal(RosterSyncLinkOutcome.Linked, linked.Outcome);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return scene;
    }

    /// <summary>One round for the cell, committed; the report and the waits Graph asked for.</summary>
    public Task<(RosterSyncReport? Report, IReadOnlyList<TimeSpan> Waits)> SyncAsync() =>
        Host.RunPassingWaitsAsync(async s =>
        {
            var report = await s.GetRequiredService<IRosterSync>().SyncAsync(CellId, CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return report;
        });

    public Task<IReadOnlyList<TestDirectoryPersonRow>> PeopleAsync() => TestDirectoryRoster.ReadPeopleAsync(Host.Services, CellId);

    public Task<IReadOnlyList<TestMemberRow>> MembersAsync() => TestDirectoryRoster.ReadMembersAsync(Host.Services, CellId);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Storage.DisposeAsync();
        await Graph.DisposeAsync();
    }

    /// <summary>A user of the fake tenant numbered <paramref name="n"/>, e-mail <c>dv{n}@so.gov.vn</c>.</summary>
    public static FakeDirectoryUser User(int n, string? jobTitle = "Chuyên viên") =>
        new(new Guid(n, 0x1a2b, 0x4c3d, [0x8e, 0x4f, 0x50, 0x61, 0x72, 0x83, 0x94, 0xa5]),
            $"Đảng viên {n:D4}", $"dv{n}@so.gov.vn", $"dv{n}@so.gov.vn", jobTitle);

    /// <summary>The roster member for user <paramref name="n"/>, known by e-mail only.</summary>
    public static TestRosterMember Member(int n) => new($"DV{n:D4}", $"Đảng viên {n:D4}", $"dv{n}@so.gov.vn");
}
