using System.Text;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;

namespace KiemDiemBot.Core.Tests.Roster;

/// <summary>
/// Each kind of bad row on its own: the secretary reads "sheet:line: reason" in Vietnamese and
/// nothing at all is imported. The fixture's today is 20/11/2022.
/// </summary>
public sealed class RosterImportErrorTests : IAsyncLifetime
{
    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(StorageProvider.Sqlite);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<string> SingleErrorAsync(SampleRoster roster)
    {
        var result = await storage.ImportAsync(roster);
        var error = result.SingleError();
        await AssertNothingImportedAsync();
        return error;
    }

    private async Task AssertNothingImportedAsync()
    {
        Assert.Empty(await storage.OrganisationsAsync());
        Assert.Empty(await storage.MembersAsync());
        Assert.Empty(await storage.PositionsAsync());
    }

    [Fact]
    public async Task ImportAsync_UnknownParent_NamesTheCodeAndImportsNothing()
    {
        var roster = new SampleRoster();
        roster.Organisations[2] = "CB01,Chi bộ Văn phòng,Chi bộ trực thuộc,DB99";

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ToChuc.csv:3: Mã cấp trên «DB99» không có trong bảng ToChuc và chưa có trong dữ liệu.", error);
    }

    [Fact]
    public async Task ImportAsync_DuplicateOrganisationCode_PointsToTheFirstLine()
    {
        var roster = new SampleRoster();
        roster.Organisations.Add("cb01,Chi bộ Khác,Chi bộ trực thuộc,DB01");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ToChuc.csv:6: Mã «cb01» trùng với dòng 3.", error);
    }

    [Fact]
    public async Task ImportAsync_DuplicateMemberCode_PointsToTheFirstLine()
    {
        var roster = new SampleRoster();
        roster.Members.Add("DV01,Lê Văn Cường,cuong.le@stp.gov.vn,01/01/1985,CB02,,Chính thức,03/02/2010,,,,");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:4: Mã «DV01» trùng với dòng 2.", error);
    }

    [Fact]
    public async Task ImportAsync_TemplateExampleRowLeftAmongRealRows_IsRefusedWithItsLine()
    {
        var roster = new SampleRoster();
        roster.Members.Add("vd-dv0001,Nguyễn Văn An,an.nguyen@donvi.gov.vn,19/05/1985,CB01,,Chính thức,02/09/2010,,,Không,Có");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:4: Đây là dòng ví dụ của mẫu (mã «vd-dv0001» bắt đầu bằng VD-): hãy xóa dòng này rồi nhập lại.", error);
    }

    [Fact]
    public async Task ImportAsync_BadEmail_IsReported()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("an.nguyen@stp.gov.vn", "an.nguyen@stp", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:2: Email «an.nguyen@stp» không hợp lệ.", error);
    }

    [Fact]
    public async Task ImportAsync_EmailOfAnotherMemberInOtherCase_IsReportedAsDuplicate()
    {
        var roster = new SampleRoster();
        roster.Members[2] = roster.Members[2].Replace("binh.tran@stp.gov.vn", "AN.NGUYEN@stp.gov.vn", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:3: Email «AN.NGUYEN@stp.gov.vn» trùng với đảng viên mã DV01.", error);
    }

    [Fact]
    public async Task ImportAsync_UnknownKind_ListsTheKinds()
    {
        var roster = new SampleRoster();
        roster.Organisations[3] = "CB02,Chi bộ Nghiệp vụ,Chi bộ khu phố,DB01";

        var error = await SingleErrorAsync(roster);

        Assert.StartsWith("ToChuc.csv:4: Loại tổ chức «Chi bộ khu phố» không hợp lệ. Dùng một trong: Đảng bộ cấp trên; Đảng bộ cơ sở;", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_CycleInTheTree_ShowsTheLoopOnEachRow()
    {
        var roster = new SampleRoster();
        roster.Organisations.Add("KA,Đảng bộ Khối A,Đảng bộ cấp trên,KB");
        roster.Organisations.Add("KB,Đảng bộ Khối B,Đảng bộ cấp trên,KA");

        var result = await storage.ImportAsync(roster);

        Assert.Equal(
            ["ToChuc.csv:6: Mã cấp trên tạo thành vòng lặp: KA → KB → KA.", "ToChuc.csv:7: Mã cấp trên tạo thành vòng lặp: KB → KA → KB."],
            result.Errors.Select(e => e.ToString()));
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task ImportAsync_OrganisationItsOwnParent_IsALoop()
    {
        var roster = new SampleRoster();
        roster.Organisations.Add("KA,Đảng bộ Khối A,Đảng bộ cấp trên,KA");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ToChuc.csv:6: Mã cấp trên tạo thành vòng lặp: KA → KA.", error);
    }

    [Fact]
    public async Task ImportAsync_AdmissionDateInTheFuture_IsReported()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("02/09/2005", "01/12/2022", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:2: Cột «Ngày vào Đảng»: ngày 01/12/2022 ở sau ngày hôm nay.", error);
    }

    [Fact]
    public async Task ImportAsync_DisciplineDatedInTheFuture_IsReported()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("Sinh hoạt bình thường,,", "Sinh hoạt bình thường,Cảnh cáo 25/11/2022,", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:2: Cột «Kỷ luật trong năm»: ngày 25/11/2022 ở sau ngày hôm nay.", error);
    }

    [Fact]
    public async Task ImportAsync_ImpossibleDate_ShowsTheAcceptedFormats()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("19/05/1980", "31/02/1980", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal(
            "DangVien.csv:2: Cột «Ngày sinh»: «31/02/1980» không phải ngày hợp lệ; ghi dd/MM/yyyy (ví dụ 19/05/2010) hoặc yyyy-MM-dd.",
            error);
    }

    [Fact]
    public async Task ImportAsync_AdmittedBeforeBirth_IsReported()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("02/09/2005", "02/09/1975", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:2: Ngày vào Đảng (02/09/1975) trước ngày sinh (19/05/1980).", error);
    }

    [Fact]
    public async Task ImportAsync_UnknownCell_IsReported()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace(",CB01,,", ",CB09,,", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:2: Cột «Mã chi bộ»: mã chi bộ «CB09» không có trong bảng ToChuc và chưa có trong dữ liệu.", error);
    }

    [Fact]
    public async Task ImportAsync_UnknownTemporaryCell_NamesTheTemporaryColumn()
    {
        var roster = new SampleRoster();
        roster.Members[2] = roster.Members[2].Replace(",CB02,CB01,", ",CB02,CB07,", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:3: Cột «Mã chi bộ tạm thời»: mã chi bộ «CB07» không có trong bảng ToChuc và chưa có trong dữ liệu.", error);
    }

    [Fact]
    public async Task ImportAsync_CellCodeOfACommittee_IsNotACell()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace(",CB01,,", ",DB01,,", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal(
            "DangVien.csv:2: Cột «Mã chi bộ»: «DB01» là Đảng bộ cơ sở, không phải chi bộ (chi bộ cơ sở hoặc chi bộ trực thuộc).",
            error);
    }

    [Fact]
    public async Task ImportAsync_UnknownStatus_ListsTheStatuses()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("Sinh hoạt bình thường", "Nghỉ hưu", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal(
            "DangVien.csv:2: Trạng thái «Nghỉ hưu» không hợp lệ. Dùng một trong: Sinh hoạt bình thường; Miễn công tác và sinh hoạt đảng; "
            + "Đình chỉ sinh hoạt đảng; Đình chỉ sinh hoạt cấp ủy.",
            error);
    }

    [Fact]
    public async Task ImportAsync_UnknownMembershipKind_IsReported()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("Chính thức", "Danh dự", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:2: Loại đảng viên «Danh dự» không hợp lệ. Dùng một trong: Chính thức; Dự bị.", error);
    }

    [Fact]
    public async Task ImportAsync_DisciplineWithoutDate_AsksForFormAndDate()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace("Sinh hoạt bình thường,,", "Sinh hoạt bình thường,Khiển trách,", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal(
            "DangVien.csv:2: Kỷ luật «Khiển trách» không hợp lệ. Ghi hình thức và ngày quyết định, ví dụ: Khiển trách 15/03/2022. "
            + "Hình thức: Khiển trách; Cảnh cáo; Cách chức; Khai trừ.",
            error);
    }

    [Fact]
    public async Task ImportAsync_YesNoColumnWithOtherWord_IsReported()
    {
        var roster = new SampleRoster();
        roster.Members[1] = roster.Members[1].Replace(",Không,Có", ",Có lẽ,Có", StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:2: Cột «Nghỉ ốm từ 3 tháng»: «Có lẽ» không hợp lệ; ghi Có hoặc Không.", error);
    }

    [Fact]
    public async Task ImportAsync_EmptyRequiredValue_NamesTheColumn()
    {
        var roster = new SampleRoster();
        roster.Members[2] = roster.Members[2].Replace("Trần Thị Bình", string.Empty, StringComparison.Ordinal);

        var error = await SingleErrorAsync(roster);

        Assert.Equal("DangVien.csv:3: Cột «Họ và tên» không được để trống.", error);
    }

    [Fact]
    public async Task ImportAsync_MissingColumn_IsReportedOnTheHeaderLine()
    {
        var roster = new SampleRoster();
        roster.Organisations[0] = "Mã,Tên,Mã cấp trên";
        for (var i = 1; i < roster.Organisations.Count; i++)
        {
            roster.Organisations[i] = "X" + i + ",Tên,";
        }
        roster.Members.RemoveRange(1, 2);
        roster.Positions = null;

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ToChuc.csv:1: Thiếu cột «Loại».", error);
    }

    [Fact]
    public async Task ImportAsync_KindThatCannotSitUnderItsParent_NamesBothKinds()
    {
        var roster = new SampleRoster();
        roster.Organisations.Add("BP01,Đảng bộ bộ phận Thanh tra,Đảng bộ bộ phận,CB01");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ToChuc.csv:6: Loại «Đảng bộ bộ phận» không thể trực thuộc «Chi bộ trực thuộc» (mã CB01).", error);
    }

    [Fact]
    public async Task ImportAsync_LeadershipCollectiveWithoutParent_AsksForTheOrganisationItLeads()
    {
        var roster = new SampleRoster();
        roster.Organisations[4] = "LD01,Lãnh đạo Sở Tư pháp,Lãnh đạo cơ quan,";

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ToChuc.csv:5: Loại «Lãnh đạo cơ quan, đơn vị» phải ghi mã cấp trên (tổ chức mà tập thể này lãnh đạo hoặc trực thuộc).", error);
    }

    [Fact]
    public async Task ImportAsync_PostOfUnknownMember_IsReported()
    {
        var roster = new SampleRoster();
        roster.Positions!.Add("DV09,CB02,Bí thư");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ChucVu.csv:4: Mã đảng viên «DV09» không có trong bảng DangVien và chưa có trong dữ liệu.", error);
    }

    [Fact]
    public async Task ImportAsync_PostInUnknownOrganisation_IsReported()
    {
        var roster = new SampleRoster();
        roster.Positions!.Add("DV02,CB09,Bí thư");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ChucVu.csv:4: Mã tổ chức «CB09» không có trong bảng ToChuc và chưa có trong dữ liệu.", error);
    }

    [Fact]
    public async Task ImportAsync_UnknownTitle_IsReported()
    {
        var roster = new SampleRoster();
        roster.Positions!.Add("DV02,CB02,Trưởng phòng");

        var error = await SingleErrorAsync(roster);

        Assert.StartsWith("ChucVu.csv:4: Chức vụ «Trưởng phòng» không hợp lệ. Dùng một trong: Bí thư; Phó Bí thư;", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_AgencyPostInACell_DoesNotFit()
    {
        var roster = new SampleRoster();
        roster.Positions!.Add("DV02,CB02,Phó Giám đốc");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ChucVu.csv:4: Chức vụ «Phó Thủ trưởng cơ quan, đơn vị» không giữ được ở Chi bộ trực thuộc «CB02».", error);
    }

    [Fact]
    public async Task ImportAsync_SamePostTwice_PointsToTheFirstLine()
    {
        var roster = new SampleRoster();
        roster.Positions!.Add("dv01,cb01,BÍ THƯ");

        var error = await SingleErrorAsync(roster);

        Assert.Equal("ChucVu.csv:4: Chức vụ này đã ghi ở dòng 2.", error);
    }

    [Fact]
    public async Task ImportAsync_CsvNotInUtf8_AsksToSaveAsCsvUtf8()
    {
        using var folder = new SampleRoster().WriteCsvFolder();
        var windows1258Bytes = Encoding.Latin1.GetBytes("Mã,Tên,Loại,Mã cấp trên\n");
        await File.WriteAllBytesAsync(folder.File("ToChuc.csv"), windows1258Bytes);

        var result = await storage.ImportAsync(folder.Path);

        Assert.Contains("ToChuc.csv: Tệp không mã hóa UTF-8. Hãy lưu lại bằng \"CSV UTF-8\".", result.Errors.Select(e => e.ToString()));
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task ImportAsync_PathThatDoesNotExist_IsReported()
    {
        var result = await storage.ImportAsync("/nowhere/danh-sach.xlsx");

        Assert.Equal("/nowhere/danh-sach.xlsx: Không tìm thấy tệp hoặc thư mục.", result.SingleError());
    }

    [Fact]
    public async Task ImportAsync_SeveralBadRows_ListsEveryOneBySheetThenLine()
    {
        var roster = new SampleRoster();
        roster.Positions!.Add("DV09,CB02,Bí thư");
        roster.Members[2] = roster.Members[2].Replace("binh.tran@stp.gov.vn", "binh", StringComparison.Ordinal);
        roster.Members[1] = roster.Members[1].Replace("Chính thức", "?", StringComparison.Ordinal);
        roster.Organisations[2] = "CB01,Chi bộ Văn phòng,Chi bộ trực thuộc,DB99";

        var result = await storage.ImportAsync(roster);

        Assert.Equal(
            ["ToChuc.csv:3", "DangVien.csv:2", "DangVien.csv:3", "ChucVu.csv:4"],
            result.Errors.Select(e => $"{e.Sheet}:{e.Line}"));
        await AssertNothingImportedAsync();
    }
}
