using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Roster.Import;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;

namespace KiemDiemBot.Core.Tests.Roster;

/// <summary>What spreadsheets and CSV files people actually produce still imports.</summary>
public sealed class RosterFileFormatTests : IAsyncLifetime
{
    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(StorageProvider.Sqlite);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task ImportAsync_HeadersAndValuesWithoutDiacriticsInOtherCase_AreRecognised()
    {
        var roster = new SampleRoster();
        roster.Organisations[0] = "MA,ten,LOAI,ma cap tren";
        roster.Organisations[1] = "DB01,Đảng bộ Sở Tư pháp,dang uy co so,";
        roster.Members[0] = "ma,ho va ten,EMAIL,ngay sinh,ma chi bo,ma chi bo tam thoi,loai dang vien,ngay vao dang,trang thai,ky luat trong nam,nghi om tu 3 thang,cong chuc";
        roster.Members[1] = "DV01,Nguyễn Văn An,an.nguyen@stp.gov.vn,19/5/1980,CB01,,CHINH THUC,2005-09-02,mien sinh hoat,khien trach (01/03/2022),khong,co";

        var result = await storage.ImportAsync(roster);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var an = (await storage.MembersAsync()).Single(m => m.Code == "DV01");
        Assert.Equal(Core.Rules.Eligibility.PartyActivityStatus.ExemptFromWorkAndActivities, an.ActivityStatus);
        Assert.Equal(Core.Rules.Ranking.DisciplineSeverity.Reprimand, an.Discipline);
        Assert.Equal(new DateOnly(2022, 3, 1), an.DisciplinedOn);
    }

    [Fact]
    public async Task ImportAsync_CsvSavedByExcelWithSemicolonsAndByteOrderMark_Imports()
    {
        using var folder = new SampleRoster().WriteCsvFolder();
        var semicolons = "\uFEFFMã;Tên;Loại;Mã cấp trên\r\nDB01;Đảng bộ Sở Tư pháp;Đảng bộ cơ sở;\r\nCB01;\"Chi bộ Văn phòng; Thanh tra\";Chi bộ trực thuộc;DB01\r\n"
            + "CB02;Chi bộ Nghiệp vụ;Chi bộ trực thuộc;DB01\r\nLD01;Lãnh đạo Sở;Lãnh đạo cơ quan, đơn vị;DB01\r\n";
        await File.WriteAllTextAsync(folder.File("ToChuc.csv"), semicolons);

        var result = await storage.ImportAsync(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(await storage.OrganisationsAsync(), o => o.Name == "Chi bộ Văn phòng; Thanh tra");
    }

    [Fact]
    public async Task ImportAsync_QuotedLineBreakInCsv_KeepsLineNumbersOfLaterRows()
    {
        var roster = new SampleRoster();
        roster.Organisations[1] = "DB01,\"Đảng bộ Sở\nTư pháp\",Đảng bộ cơ sở,";
        roster.Organisations[3] = "CB02,Chi bộ Nghiệp vụ,Chi bộ khu phố,DB01";

        var result = await storage.ImportAsync(roster);

        Assert.StartsWith("ToChuc.csv:5: Loại tổ chức «Chi bộ khu phố»", result.SingleError(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WorkbookWithEmptyCellsAndBlankRows_KeepsColumnsAndLines()
    {
        await using var stream = new MemoryStream();
        var sheet = new RosterSheetData("ToChuc", ["Mã", "Tên", "Loại", "Mã cấp trên"],
        [
            ["DB01", "Đảng bộ", "Đảng bộ cơ sở", string.Empty],
            [string.Empty, string.Empty, string.Empty, string.Empty],
            ["CB01", string.Empty, "Chi bộ trực thuộc", "DB01"],
        ]);
        await RosterWorkbookWriter.WriteAsync(stream, [sheet], CancellationToken.None);
        stream.Position = 0;

        var workbook = XlsxRosterReader.Read(stream, "danh-sach.xlsx");

        var rows = Assert.Single(workbook.Sheets).Rows;
        Assert.Equal([1, 2, 4], rows.Select(r => r.Line));
        Assert.Equal("DB01", rows[2].Cell(3));
        Assert.Equal("Chi bộ trực thuộc", rows[2].Cell(2));
        Assert.Equal(string.Empty, rows[2].Cell(1));
    }

    [Fact]
    public void TableOf_SheetNamesWithDiacriticsSpacesOrCsvExtension_FindTheirTable()
    {
        Assert.Equal(RosterTable.Organisations, RosterSchema.TableOf("Tổ chức"));
        Assert.Equal(RosterTable.Members, RosterSchema.TableOf("dangvien.CSV"));
        Assert.Equal(RosterTable.Positions, RosterSchema.TableOf("Chức Vụ"));
        Assert.Null(RosterSchema.TableOf("HuongDan"));
    }
}
