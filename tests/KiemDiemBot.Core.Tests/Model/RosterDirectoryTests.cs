using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Roster;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Model;

/// <summary>Finding members by their Teams identity, on both providers.</summary>
public abstract class RosterDirectoryTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        var roster = new SampleRoster();
        roster.Members.Add("DV03,Lê Văn Cường,,01/01/1985,CB02,,Chính thức,03/02/2010,,,,");
        roster.Members.Add("DV04,Đào Thị Dung,,01/01/1986,CB02,,Chính thức,03/02/2011,,,,");
        var result = await storage.ImportAsync(roster);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<T> Directory<T>(Func<IRosterDirectory, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IRosterDirectory>());
    }

    [Fact]
    public async Task FindByEmailAsync_OtherCaseAndSpaces_FindsTheMember()
    {
        var member = await Directory(d => d.FindByEmailAsync("  An.Nguyen@STP.gov.vn ", CancellationToken.None));

        Assert.NotNull(member);
        Assert.Equal("DV01", member.Code);
        Assert.Equal("Nguyễn Văn An", member.FullName);
        Assert.Equal("an.nguyen@stp.gov.vn", member.Email);
        Assert.Equal("Chi bộ Văn phòng", member.CellName);
    }

    [Fact]
    public async Task FindByEmailAsync_UnknownAddress_FindsNobody()
    {
        var member = await Directory(d => d.FindByEmailAsync("khach@stp.gov.vn", CancellationToken.None));

        Assert.Null(member);
    }

    [Fact]
    public async Task ListMembersAsync_MembersWithoutEmail_AreNotOffered()
    {
        var members = await Directory(d => d.ListMembersAsync(CancellationToken.None));

        Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình"], members.Select(m => m.FullName));
    }

    [Fact]
    public async Task ListPostsAsync_MemberWithTwoPosts_ListsBothWithTheirBodies()
    {
        var posts = await Directory(d => d.ListPostsAsync(CancellationToken.None));
        var an = await Directory(d => d.FindByEmailAsync("an.nguyen@stp.gov.vn", CancellationToken.None));

        Assert.Equal(
            [new RosterPost(an!.Id, "Bí thư", "Chi bộ Văn phòng"), new RosterPost(an.Id, "Thủ trưởng cơ quan, đơn vị", "Lãnh đạo Sở Tư pháp")],
            posts);
    }

    [Fact]
    public async Task FindOrganisationNamesAsync_KnownAndUnknownIds_NamesTheKnownOnes()
    {
        var cells = await Directory(d => d.ListCellsAsync(CancellationToken.None));
        var unknown = Guid.NewGuid();

        var names = await Directory(d => d.FindOrganisationNamesAsync([cells[0].Id, cells[1].Id, unknown], CancellationToken.None));

        Assert.Equal(2, names.Count);
        Assert.Equal("Chi bộ Nghiệp vụ", names[cells[0].Id]);
        Assert.Equal(cells[1].Name, names[cells[1].Id]);
        Assert.False(names.ContainsKey(unknown));
    }

    [Fact]
    public async Task ListCellsAsync_RosterWithCommitteeAndLeadership_OffersOnlyTheCellsWithTheirMeetingChats()
    {
        var cells = await Directory(d => d.ListCellsAsync(CancellationToken.None));

        Assert.Equal(["CB02", "CB01"], cells.Select(c => c.Code));
        Assert.Equal("Chi bộ Nghiệp vụ – họp kiểm điểm", cells[0].MeetingChatName);
    }

    [Fact]
    public async Task FindByEntraObjectIdAsync_NotYetRecorded_FindsNobody()
    {
        var member = await Directory(d => d.FindByEntraObjectIdAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.Null(member);
    }
}

public sealed class SqliteRosterDirectoryTests() : RosterDirectoryTests(StorageProvider.Sqlite);

public sealed class PostgresRosterDirectoryTests() : RosterDirectoryTests(StorageProvider.PostgreSQL);
