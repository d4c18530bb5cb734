using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>Which ballot a meeting chat's "xuất biên bản" means, and who may have a body's papers, on both providers.</summary>
public abstract class BallotExportScopeTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private BallotWorld world = null!;
    private Guid committee;
    private Guid cell;
    private Guid otherCell;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        world = new BallotWorld(storage);
        await world.CycleAsync();
        committee = await world.OrganisationAsync("Đảng bộ cơ sở Mẫu", OrganisationKind.GrassrootsCommittee);
        cell = await world.OrganisationAsync("Chi bộ Văn phòng", OrganisationKind.AffiliatedCell, committee);
        otherCell = await world.OrganisationAsync("Chi bộ Kỹ thuật", OrganisationKind.AffiliatedCell, committee);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task ClosedInChatAsync_FirstVoteAndReVoteInTheChat_TheReVoteFirst()
    {
        var voter = await world.MemberAsync("Nguyễn Văn Một", cell);
        var first = await world.BallotAsync(Spec(voter) with { Order = 0 });
        var revote = await world.BallotAsync(Spec(voter) with { Order = 1, PreviousBallotId = first });

        var found = await ScopeAsync(s => s.ClosedInChatAsync(new MeetingConversation("msteams", "meeting-" + cell.ToString("N")), CancellationToken.None));
        var elsewhere = await ScopeAsync(s => s.ClosedInChatAsync(new MeetingConversation("msteams", "meeting-" + otherCell.ToString("N")), CancellationToken.None));

        Assert.Equal(
            [new ClosedBallotRef(revote, world.CycleId, cell, "Chi bộ Văn phòng", 2022), new ClosedBallotRef(first, world.CycleId, cell, "Chi bộ Văn phòng", 2022)],
            found);
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task LeadsAsync_CommitteeSecretaryCellDeputyOtherCellSecretary_AboveAndOwnOnly()
    {
        var committeeSecretary = Member(MemberRoleKind.Secretary, committee);
        var cellDeputy = Member(MemberRoleKind.DeputySecretary, cell);
        var otherSecretary = Member(MemberRoleKind.Secretary, otherCell);

        Assert.True(await ScopeAsync(s => s.LeadsAsync(committeeSecretary, cell, CancellationToken.None)));
        Assert.True(await ScopeAsync(s => s.LeadsAsync(cellDeputy, cell, CancellationToken.None)));
        Assert.False(await ScopeAsync(s => s.LeadsAsync(cellDeputy, committee, CancellationToken.None)));
        Assert.False(await ScopeAsync(s => s.LeadsAsync(otherSecretary, cell, CancellationToken.None)));
        Assert.False(await ScopeAsync(s => s.LeadsAsync(new TurnMember(Guid.NewGuid(), "Thành viên", null, cell, []), cell, CancellationToken.None)));
    }

    [Fact]
    public async Task BodiesLedAsync_SecretaryOfTheCommitteeAndDeputyOfACell_HighestFirst()
    {
        var member = new TurnMember(Guid.NewGuid(), "Lãnh đạo", null, cell,
            [new MemberRole(MemberRoleKind.DeputySecretary, cell), new MemberRole(MemberRoleKind.Secretary, committee), new MemberRole(MemberRoleKind.Admin, null)]);

        var bodies = await ScopeAsync(s => s.BodiesLedAsync(member, CancellationToken.None));

        Assert.Equal([new ExportableBody(committee, "Đảng bộ cơ sở Mẫu"), new ExportableBody(cell, "Chi bộ Văn phòng")], bodies);
    }

    private BallotSpec Spec(Guid voter) => new(cell, null, BallotKind.Ranking, 1, 1, 1, 1, 0,
        [new VoterSpec(voter)], [SubjectSpec.Ranking(voter, RankingLevel.GoodCompletion, (RankingLevel.GoodCompletion, 1, 0))]);

    private TurnMember Member(MemberRoleKind kind, Guid organisationId) =>
        new(Guid.NewGuid(), "Bí thư", null, cell, [new MemberRole(kind, organisationId)]);

    private async Task<T> ScopeAsync<T>(Func<IBallotExportScope, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IBallotExportScope>());
    }
}

public sealed class SqliteBallotExportScopeTests() : BallotExportScopeTests(StorageProvider.Sqlite);

public sealed class PostgresBallotExportScopeTests() : BallotExportScopeTests(StorageProvider.PostgreSQL);
