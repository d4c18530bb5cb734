using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Ranking;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Roster;

/// <summary>Clean rosters on both providers: first import, re-import, changes, both file formats, the template.</summary>
public abstract class RosterImportTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task ImportAsync_CleanCsvFolder_ImportsEveryRowWithItsValues()
    {
        var result = await storage.ImportAsync(new SampleRoster());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new RosterChangeCounts(4, 0, 0, 0), result.Counts.Organisations);
        Assert.Equal(new RosterChangeCounts(2, 0, 0, 0), result.Counts.Members);
        Assert.Equal(new RosterChangeCounts(2, 0, 0, 0), result.Counts.Positions);
        var organisations = await storage.OrganisationsAsync();
        var grassroots = organisations.Single(o => o.Code == "DB01");
        var office = organisations.Single(o => o.Code == "CB01");
        Assert.Equal(OrganisationKind.GrassrootsCommittee, grassroots.Kind);
        Assert.Equal(grassroots.Id, office.ParentId);
        Assert.Equal(OrganisationKind.AgencyLeadership, organisations.Single(o => o.Code == "LD01").Kind);
        var binh = (await storage.MembersAsync()).Single(m => m.Code == "DV02");
        Assert.Equal("Trần Thị Bình", binh.FullName);
        Assert.Equal(new DateOnly(1990, 3, 8), binh.DateOfBirth);
        Assert.Equal(new DateOnly(2022, 2, 15), binh.AdmittedOn);
        Assert.Equal(MembershipKind.Probationary, binh.Membership);
        Assert.Equal(PartyActivityStatus.Active, binh.ActivityStatus);
        Assert.Equal(office.Id, binh.TemporaryCellId);
        Assert.False(binh.IsCivilServant);
        var posts = await storage.PositionsAsync();
        Assert.Contains(posts, p => p.BodyId == office.Id && p.Title == PositionTitle.Secretary);
        Assert.Contains(posts, p => p.Title == PositionTitle.AgencyHead);
    }

    [Fact]
    public async Task ImportAsync_SameRosterTwice_ChangesNothingAndDuplicatesNothing()
    {
        await storage.ImportAsync(new SampleRoster());

        var again = await storage.ImportAsync(new SampleRoster());

        Assert.True(again.Succeeded);
        Assert.Equal(new RosterChangeCounts(0, 0, 4, 0), again.Counts.Organisations);
        Assert.Equal(new RosterChangeCounts(0, 0, 2, 0), again.Counts.Members);
        Assert.Equal(new RosterChangeCounts(0, 0, 2, 0), again.Counts.Positions);
        Assert.Equal(4, (await storage.OrganisationsAsync()).Count);
        Assert.Equal(2, (await storage.MembersAsync()).Count);
        Assert.Equal(2, (await storage.PositionsAsync()).Count);
    }

    [Fact]
    public async Task ImportAsync_ChangedRows_UpdatesThemByCodeAndKeepsTheirIds()
    {
        await storage.ImportAsync(new SampleRoster());
        var before = (await storage.MembersAsync()).Single(m => m.Code == "DV01");
        var roster = new SampleRoster();
        roster.Members[1] = "dv01,Nguyễn Văn An,an.nguyen@stp.gov.vn,19/05/1980,CB02,,Chính thức,02/09/2005,Đình chỉ sinh hoạt cấp ủy,Cảnh cáo 10/10/2022,có,Có";
        roster.Organisations[3] = "CB02,Chi bộ Nghiệp vụ và Thanh tra,Chi bộ trực thuộc,DB01";

        var result = await storage.ImportAsync(roster);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new RosterChangeCounts(0, 1, 3, 0), result.Counts.Organisations);
        Assert.Equal(new RosterChangeCounts(0, 1, 1, 0), result.Counts.Members);
        var after = (await storage.MembersAsync()).Single(m => m.Code == "DV01");
        var cell = (await storage.OrganisationsAsync()).Single(o => o.Code == "CB02");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(cell.Id, after.OfficialCellId);
        Assert.Equal("Chi bộ Nghiệp vụ và Thanh tra", cell.Name);
        Assert.True(after.SuspendedFromCommittee);
        Assert.Equal(PartyActivityStatus.Active, after.ActivityStatus);
        Assert.Equal(DisciplineSeverity.Warning, after.Discipline);
        Assert.Equal(new DateOnly(2022, 10, 10), after.DisciplinedOn);
        Assert.True(after.LongSickLeave);
    }

    [Fact]
    public async Task ImportAsync_TwoMembersSwapEmails_ImportsTheSwap()
    {
        await storage.ImportAsync(new SampleRoster());
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("an.nguyen@stp.gov.vn", "binh.tran@stp.gov.vn", StringComparison.Ordinal);
        roster.Members[2] = roster.Members[2].Replace("binh.tran@stp.gov.vn", "an.nguyen@stp.gov.vn", StringComparison.Ordinal);

        var result = await storage.ImportAsync(roster);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var members = await storage.MembersAsync();
        Assert.Equal("binh.tran@stp.gov.vn", members.Single(m => m.Code == "DV01").Email);
        Assert.Equal("an.nguyen@stp.gov.vn", members.Single(m => m.Code == "DV02").Email);
    }

    [Fact]
    public async Task ImportAsync_PostNoLongerListed_IsRemovedForTheMembersInTheRoster()
    {
        await storage.ImportAsync(new SampleRoster());
        var roster = new SampleRoster();
        roster.Positions!.RemoveAt(2);
        roster.Positions.Add("DV02,CB02,Phó Bí thư");

        var result = await storage.ImportAsync(roster);

        Assert.Equal(new RosterChangeCounts(1, 0, 1, 1), result.Counts.Positions);
        var posts = await storage.PositionsAsync();
        Assert.Equal([PositionTitle.Secretary, PositionTitle.DeputySecretary], posts.Select(p => p.Title).Order());
    }

    [Fact]
    public async Task ImportAsync_RosterWithoutPostsTable_LeavesPostsAlone()
    {
        await storage.ImportAsync(new SampleRoster());
        var roster = new SampleRoster { Positions = null };

        var result = await storage.ImportAsync(roster);

        Assert.Null(result.Counts.Positions);
        Assert.Equal(2, (await storage.PositionsAsync()).Count);
    }

    [Fact]
    public async Task ImportAsync_MembersOnlyRosterIntoExistingTree_FindsCellsInTheDatabase()
    {
        await storage.ImportAsync(new SampleRoster());
        var roster = new SampleRoster { Positions = null };
        roster.Organisations.RemoveRange(1, roster.Organisations.Count - 1);
        roster.Members.Add("DV03,Lê Văn Cường,cuong.le@stp.gov.vn,01/01/1985,CB02,,Chính thức,03/02/2010,,,,Có");

        var result = await storage.ImportAsync(roster);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new RosterChangeCounts(1, 0, 2, 0), result.Counts.Members);
    }

    [Fact]
    public async Task ImportAsync_Workbook_ReadsTextAndDateCells()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("danh-sach.xlsx");
        var roster = new SampleRoster();
        var organisations = RosterTemplate.Sheet(Core.Roster.Import.RosterTable.Organisations, [.. roster.Organisations.Skip(1).Select(Cells)]);
        var members = RosterTemplate.Sheet(Core.Roster.Import.RosterTable.Members,
        [
            ["DV01", "Nguyễn Văn An", "an.nguyen@stp.gov.vn", new DateOnly(1980, 5, 19), "CB01", "", "chinh thuc", new DateOnly(2005, 9, 2), "", "", "", "x"],
        ]);
        await using (var stream = File.Create(path))
        {
            await RosterWorkbookWriter.WriteAsync(stream, [organisations, members], CancellationToken.None);
        }

        var result = await storage.ImportAsync(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var member = Assert.Single(await storage.MembersAsync());
        Assert.Equal(new DateOnly(1980, 5, 19), member.DateOfBirth);
        Assert.Equal(new DateOnly(2005, 9, 2), member.AdmittedOn);
        Assert.True(member.IsCivilServant);
    }

    [Fact]
    public async Task ImportAsync_ExportedTemplateAsIs_RefusesEachExampleRowAndImportsNothing()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("mau.xlsx");
        await using (var scope = storage.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRosterTemplate>().WriteAsync(path, CancellationToken.None);
        }

        var result = await storage.ImportAsync(path);

        Assert.Equal(
        [
            "ToChuc:2: Đây là dòng ví dụ của mẫu (mã «VD-CB01» bắt đầu bằng VD-): hãy xóa dòng này rồi nhập lại.",
            "DangVien:2: Đây là dòng ví dụ của mẫu (mã «VD-DV0001» bắt đầu bằng VD-): hãy xóa dòng này rồi nhập lại.",
            "ChucVu:2: Đây là dòng ví dụ của mẫu (mã «VD-DV0001» bắt đầu bằng VD-): hãy xóa dòng này rồi nhập lại.",
        ], result.Errors.Select(e => e.ToString()));
        Assert.Empty(await storage.OrganisationsAsync());
        Assert.Empty(await storage.MembersAsync());
    }

    [Fact]
    public async Task ImportAsync_TemplateExampleRowsWithTheirOwnCodes_ImportsThem()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("mau-da-sua.xlsx");
        var sheets = RosterTemplate.ExampleSheets()
            .Select(sheet => sheet with { Rows = [.. sheet.Rows.Select(row => (IReadOnlyList<RosterCellValue>)[.. row.Select(OwnCode)])] })
            .ToList();
        await using (var stream = File.Create(path))
        {
            await RosterWorkbookWriter.WriteAsync(stream, sheets, CancellationToken.None);
        }

        var result = await storage.ImportAsync(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new RosterImportCounts(new(1, 0, 0, 0), new(1, 0, 0, 0), new(1, 0, 0, 0)), result.Counts);
        var member = Assert.Single(await storage.MembersAsync());
        Assert.Equal("DV0001", member.Code);
        Assert.Equal("Nguyễn Văn An", member.FullName);
        Assert.Equal(PositionTitle.Secretary, Assert.Single(await storage.PositionsAsync()).Title);
    }

    /// <summary>The example's code as a secretary would write their own: without the VD- prefix.</summary>
    private static RosterCellValue OwnCode(RosterCellValue cell) =>
        cell.Date is null && cell.Text.StartsWith("VD-", StringComparison.Ordinal) ? cell.Text["VD-".Length..] : cell;

    private static IReadOnlyList<RosterCellValue> Cells(string csvLine) =>
        [.. CsvRosterReader.Read("line", csvLine).Rows[0].Cells.Select(cell => (RosterCellValue)cell)];
}

public sealed class SqliteRosterImportTests() : RosterImportTests(StorageProvider.Sqlite);

public sealed class PostgresRosterImportTests() : RosterImportTests(StorageProvider.PostgreSQL);
