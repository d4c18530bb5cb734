using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>
/// The minutes and the ranking list read back (OpenXml for both) from rows written as the ballot and decision
/// services leave them: a cell of twelve (ten official with one exempt and two absent, one probationary present),
/// a first round with paper ballots and a subject without result, its re-vote, an approval ballot that tied three
/// times, and decisions; on both providers.
/// </summary>
public abstract class BallotExporterTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Exempt = "Đặng Văn Miễn";
    private const string AbsentOne = "Bùi Thị Vắng";
    private const string AbsentTwo = "Cao Văn Xa";
    private const string Probationary = "Lý Thị Dự Bị";
    private const string NewMember = "Vũ Văn Mới";
    private const string Undecided = "Hồ Thị Chờ";

    private StorageFixture storage = null!;
    private BallotWorld world = null!;
    private Scenario scenario = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        world = new BallotWorld(storage);
        scenario = await Scenario.BuildAsync(world);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task MinutesAsync_ClosedBallot_HeaderTitleAndAttendanceByName()
    {
        var file = await MinutesAsync(scenario.FirstRound);

        Assert.NotNull(file);
        Assert.Equal("Bien-ban-2022-Chi-Bo-Van-Phong.docx", file.FileName);
        using var docx = new DocxContent(file.Content);
        Assert.Empty(docx.Validate());
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", docx.Lines);
        Assert.Contains("ĐẢNG BỘ CƠ SỞ MẪU", docx.Lines);
        Assert.Contains("CHI BỘ VĂN PHÒNG", docx.Lines);
        Assert.Contains("Hà Nội, ngày 25 tháng 11 năm 2022", docx.Lines);
        Assert.Contains("BIÊN BẢN HỌP CHI BỘ VĂN PHÒNG", docx.Lines);
        Assert.Contains("kiểm điểm, đánh giá, xếp loại chất lượng năm 2022", docx.Lines);
        Assert.Contains("- Thời gian: bắt đầu lúc 08 giờ 00 phút ngày 25/11/2022, kết thúc lúc 12 giờ 00 phút ngày 25/11/2022", docx.Lines);
        Assert.Contains("- Đồng chủ trì: Nguyễn Văn Một, Trần Thị Hai", docx.Lines);
        Assert.Contains("- Triệu tập: 11 đảng viên chính thức được triệu tập", docx.Lines);
        Assert.Contains($"- Miễn công tác và sinh hoạt đảng: 1 đồng chí ({Exempt})", docx.Lines);
        Assert.Contains("- Có mặt: 8/10 đảng viên chính thức", docx.Lines);
        Assert.Contains($"- Vắng mặt: 2 đồng chí ({AbsentOne}, {AbsentTwo})", docx.Lines);
        Assert.Contains($"- Đảng viên dự bị có mặt: 1 đồng chí ({Probationary}), tham dự, không biểu quyết", docx.Lines);
        Assert.Contains(docx.Lines, l => l.StartsWith("- Cơ sở tính kết quả: 10 đảng viên chính thức được triệu tập", StringComparison.Ordinal)
            && l.Contains("từ 6 phiếu trở lên", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinutesAsync_FirstRound_TalliesPerLevelWithPaperMarkedAndRevote()
    {
        var file = await MinutesAsync(scenario.FirstRound);

        using var docx = new DocxContent(file!.Content);
        var tables = Tables(docx);
        var first = tables[0];
        Assert.Equal(["STT", "Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Trong đó phiếu giấy", "Kết quả"], first[0]);
        Assert.Equal(["1", "Nguyễn Văn Một", "3", "5", "0", "0", "HTXSNV 1; HTTNV 1", "HTTNV"], first[1]);
        Assert.Equal(["2", "Trần Thị Hai", "6", "2", "0", "0", "HTXSNV 2", "HTXSNV"], first[2]);
        Assert.Equal(["3", Probationary, "0", "1", "7", "0", "HTNV 2", "HTNV"], first[3]);
        Assert.Equal(["4", "Phạm Văn Ba", "1", "2", "2", "0", "", "Không có kết quả, bỏ phiếu lại"], first[4]);
        Assert.Contains("Số phiếu phát ra: 8; số phiếu thu về: 8, trong đó 2 phiếu giấy.", docx.Lines);
        Assert.Contains("Không có kết quả, bỏ phiếu lại: Phạm Văn Ba.", docx.Lines);
        Assert.Contains("Bỏ phiếu lại lần 1 (đảng viên)", docx.Lines);
        var revote = tables[1];
        Assert.Equal(["STT", "Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Kết quả"], revote[0]);
        Assert.Equal(["1", "Phạm Văn Ba", "0", "7", "1", "0", "HTTNV"], Assert.Single(revote.Skip(1)));
    }

    [Fact]
    public async Task MinutesAsync_ApprovalTiedThreeTimes_DroppedToGoodWithTheSentence()
    {
        var file = await MinutesAsync(scenario.FirstRound);

        using var docx = new DocxContent(file!.Content);
        var tables = Tables(docx);
        var approval = tables[2];
        Assert.Equal(["STT", "Họ và tên", "Đồng ý", "Không đồng ý", "Trong đó phiếu giấy", "Kết quả"], approval[0]);
        Assert.Equal(["1", "Trần Thị Hai", "6", "2", "Đồng ý 1; không đồng ý 1", "Bằng phiếu, bỏ phiếu lại"], approval[1]);
        var third = tables[4];
        Assert.Equal(["1", "Trần Thị Hai", "6", "2", "Đồng ý 1; không đồng ý 1", "Chuyển xuống mức HTTNV"], third[1]);
        Assert.Equal(["2", "Lê Văn Bốn", "6", "2", "Đồng ý 1; không đồng ý 1", "Chuyển xuống mức HTTNV"], third[2]);
        Assert.Contains("Sau ba lần bỏ phiếu vẫn bằng phiếu nhau, các đồng chí Trần Thị Hai, Lê Văn Bốn chuyển xuống mức Hoàn thành tốt nhiệm vụ.", docx.Lines);
        Assert.Contains(docx.Lines, l => l.StartsWith("Số được giữ mức Hoàn thành xuất sắc nhiệm vụ tối đa: 1;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinutesAsync_Adopted_LevelsWithReRankNoteAndSignatures()
    {
        var file = await MinutesAsync(scenario.ReVote);

        using var docx = new DocxContent(file!.Content);
        var adopted = Tables(docx)[5];
        Assert.Equal(["STT", "Họ và tên", "Mức xếp loại", "Ghi chú"], adopted[0]);
        Assert.Equal(["1", "Nguyễn Văn Một", "Hoàn thành tốt nhiệm vụ", ""], adopted[1]);
        Assert.Equal(["2", "Trần Thị Hai", "Hoàn thành tốt nhiệm vụ", ""], adopted[2]);
        Assert.Equal(["3", Probationary, "Hoàn thành nhiệm vụ", ""], adopted[3]);
        Assert.Equal(["4", "Phạm Văn Ba", "Hoàn thành xuất sắc nhiệm vụ", "Xếp loại lại: Bổ sung thành tích được khen thưởng"], adopted[4]);
        Assert.Contains("THƯ KÝ", docx.Lines);
        Assert.Contains("CHỦ TRÌ", docx.Lines);
    }

    [Fact]
    public async Task MinutesAsync_NothingAdoptedYet_SaysSo()
    {
        var ballot = await scenario.LoneBallotAsync(world);

        var file = await MinutesAsync(ballot);

        using var docx = new DocxContent(file!.Content);
        Assert.Contains("Kết quả bỏ phiếu chưa được cấp có thẩm quyền thông qua.", docx.Lines);
        Assert.Contains("- Chủ trì: Hoàng Văn Bí Thư", docx.Lines);
        Assert.Contains("- Thời gian: bắt đầu lúc 08 giờ 00 phút ngày 25/11/2022, kết thúc lúc 08 giờ 20 phút ngày 25/11/2022", docx.Lines);
        Assert.DoesNotContain(docx.Lines, l => l.Contains("phiếu giấy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinutesAsync_OpenOrUnknownBallot_Null()
    {
        Assert.Null(await MinutesAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task MinutesAsync_AnyBallot_NoTextLinksAVoterToAChoice()
    {
        var file = await MinutesAsync(scenario.FirstRound);

        using var docx = new DocxContent(file!.Content);
        // Voters are named only in the attendance lines; no table row or sentence pairs a voter with a level.
        foreach (var voter in new[] { AbsentOne, AbsentTwo, Exempt })
        {
            Assert.All(docx.Lines.Where(l => l.Contains(voter, StringComparison.Ordinal)), l => Assert.StartsWith("- ", l, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task RankingListAsync_Committee_RankingsSheetWithCellPostsAndReRankNote()
    {
        var file = await RankingListAsync(scenario.Committee);

        Assert.Equal("Danh-sach-xep-loai-2022-Dang-Bo-Co-So-Mau.xlsx", file.FileName);
        using var xlsx = new XlsxContent(file.Content);
        Assert.Empty(xlsx.Validate());
        Assert.Equal(["Danh sách xếp loại", "Thống kê", "Chưa xếp loại"], xlsx.SheetNames);
        var sheet = xlsx.Sheets["Danh sách xếp loại"];
        Assert.Equal("DANH SÁCH XẾP LOẠI CHẤT LƯỢNG NĂM 2022", sheet[0][0]);
        Assert.Equal("Đảng bộ cơ sở Mẫu", sheet[1][0]);
        Assert.Equal(["STT", "Họ và tên", "Chi bộ", "Chức vụ", "Mức xếp loại", "Ghi chú"], sheet[3]);
        Assert.Equal("Đảng viên", sheet[4][1]);
        var one = xlsx.Row("Danh sách xếp loại", 1, "Nguyễn Văn Một");
        Assert.Equal(["Chi bộ Văn phòng", "Phó Bí thư Chi bộ Văn phòng", "Hoàn thành tốt nhiệm vụ", ""], one.Skip(2).Take(4));
        var three = xlsx.Row("Danh sách xếp loại", 1, "Phạm Văn Ba");
        Assert.Equal("Xếp loại lại: Bổ sung thành tích được khen thưởng", three[5]);
        var cell = xlsx.Row("Danh sách xếp loại", 1, "Chi bộ Văn phòng");
        Assert.Equal("Hoàn thành tốt nhiệm vụ", cell[4]);
        Assert.Equal(13, sheet.Count(r => r.Count > 1 && int.TryParse(r[0], out _)));
    }

    [Fact]
    public async Task RankingListAsync_Committee_StatisticsCountsSharesAndTheCap()
    {
        var file = await RankingListAsync(scenario.Committee);

        using var xlsx = new XlsxContent(file.Content);
        var header = xlsx.Sheets["Thống kê"][3];
        Assert.Equal(["Đối tượng", "Số được xếp loại", "HTXSNV (số lượng)", "HTXSNV (tỷ lệ)", "HTTNV (số lượng)", "HTTNV (tỷ lệ)",
            "HTNV (số lượng)", "HTNV (tỷ lệ)", "KHTNV (số lượng)", "KHTNV (tỷ lệ)", "Tỷ lệ HTXSNV/HTTNV", "Giới hạn (HTXSNV/HTTNV)", "Đối chiếu giới hạn"], header);
        // Members: 12 ranked; HTXSNV 2, HTTNV 8, HTNV 1, KHTNV 1. 2/8 = 25% > 20%.
        var members = xlsx.Row("Thống kê", 0, "Đảng viên");
        Assert.Equal("12", members[1]);
        Assert.Equal(["2", "8", "1", "1"], [members[2], members[4], members[6], members[8]]);
        AssertShare(2d / 12, members[3]);
        AssertShare(8d / 12, members[5]);
        AssertShare(1d / 12, members[7]);
        AssertShare(0.25, members[10]);
        AssertShare(0.2, members[11]);
        Assert.StartsWith("Vượt giới hạn", members[12], StringComparison.Ordinal);
        var organisations = xlsx.Row("Thống kê", 0, "Tổ chức đảng");
        Assert.Equal(["1", "0", "1"], [organisations[1], organisations[2], organisations[4]]);
        AssertShare(1, organisations[5]);
        Assert.StartsWith("Đạt", organisations[12], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankingListAsync_Committee_NotRankedWithTheRulesReasons()
    {
        var file = await RankingListAsync(scenario.Committee);

        using var xlsx = new XlsxContent(file.Content);
        var rows = xlsx.Sheets["Chưa xếp loại"].Skip(4).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal("Đảng viên vắng mặt: chi bộ đánh giá, xếp loại chất lượng vào cuộc họp chi bộ gần nhất và báo cáo bổ sung kết quả về cấp ủy cấp trên.",
            xlsx.Row("Chưa xếp loại", 1, AbsentOne)[3]);
        Assert.Equal(xlsx.Row("Chưa xếp loại", 1, AbsentOne)[3], xlsx.Row("Chưa xếp loại", 1, AbsentTwo)[3]);
        Assert.Equal("Đảng viên được miễn công tác và sinh hoạt đảng nên không kiểm điểm, không xếp loại chất lượng.", xlsx.Row("Chưa xếp loại", 1, Exempt)[3]);
        var fresh = xlsx.Row("Chưa xếp loại", 1, NewMember);
        Assert.Equal("Chi bộ Kỹ thuật", fresh[2]);
        Assert.Equal("Đảng viên mới kết nạp ngày 01/09/2022, chưa đủ 6 tháng: làm bản tự kiểm điểm từ khi được kết nạp nhưng không xếp loại chất lượng.", fresh[3]);
        Assert.Equal("Chưa có quyết định xếp loại của cấp có thẩm quyền.", xlsx.Row("Chưa xếp loại", 1, Undecided)[3]);
    }

    [Fact]
    public async Task RankingListAsync_OneCell_OnlyItsMembers()
    {
        var file = await RankingListAsync(scenario.TechnicalCell);

        using var xlsx = new XlsxContent(file.Content);
        var ranked = xlsx.Sheets["Danh sách xếp loại"].Skip(4).ToList();
        Assert.Equal(["1", "Đỗ Văn Kỹ"], ranked.Single().Take(2));
        var members = xlsx.Row("Thống kê", 0, "Đảng viên");
        Assert.Equal("1", members[1]);
        var notRanked = xlsx.Sheets["Chưa xếp loại"].Skip(4).Select(r => r[1]).ToList();
        Assert.Equal(2, notRanked.Count);
        Assert.Contains(NewMember, notRanked);
        Assert.Contains(Undecided, notRanked);
    }

    private static void AssertShare(double expected, string written) =>
        Assert.Equal(expected, double.Parse(written, CultureInfo.InvariantCulture), 6);

    private static List<List<List<string>>> Tables(DocxContent docx) =>
        [.. docx.Body.Elements<Table>().Skip(1).Where(t => t.Elements<TableRow>().Count() > 1)
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList())];

    private Task<ExportedFile?> MinutesAsync(Guid ballotId) =>
        InScopeAsync(exporter => exporter.MinutesAsync(ballotId, CancellationToken.None));

    private Task<ExportedFile> RankingListAsync(Guid organisationId) =>
        InScopeAsync(exporter => exporter.RankingListAsync(world.CycleId, organisationId, CancellationToken.None));

    private async Task<T> InScopeAsync<T>(Func<IBallotExporter, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        // The place on the minutes comes from Review:Place.
        scope.ServiceProvider.GetRequiredService<KiemDiemBot.Core.Identity.ReviewOptions>().Place = "Hà Nội";
        return await action(scope.ServiceProvider.GetRequiredService<IBallotExporter>());
    }

    /// <summary>The committee, its two cells, the office cell's meeting and ballots, and the decisions.</summary>
    private sealed record Scenario(Guid Committee, Guid OfficeCell, Guid TechnicalCell, Guid FirstRound, Guid ReVote)
    {
        public static async Task<Scenario> BuildAsync(BallotWorld world)
        {
            await world.CycleAsync();
            var committee = await world.OrganisationAsync("Đảng bộ cơ sở Mẫu", OrganisationKind.GrassrootsCommittee);
            var office = await world.OrganisationAsync("Chi bộ Văn phòng", OrganisationKind.AffiliatedCell, committee);
            var technical = await world.OrganisationAsync("Chi bộ Kỹ thuật", OrganisationKind.AffiliatedCell, committee);
            var one = await world.MemberAsync("Nguyễn Văn Một", office);
            var two = await world.MemberAsync("Trần Thị Hai", office);
            var three = await world.MemberAsync("Phạm Văn Ba", office);
            var four = await world.MemberAsync("Lê Văn Bốn", office);
            var others = new List<Guid>();
            foreach (var name in new[] { "Võ Văn Năm", "Đinh Thị Sáu", "Tạ Văn Bảy", "Mạc Thị Tám" })
            {
                others.Add(await world.MemberAsync(name, office));
            }
            var absentOne = await world.MemberAsync(AbsentOne, office);
            var absentTwo = await world.MemberAsync(AbsentTwo, office);
            var exempt = await world.MemberAsync(Exempt, office, status: PartyActivityStatus.ExemptFromWorkAndActivities);
            var probationary = await world.MemberAsync(Probationary, office, MembershipKind.Probationary, admittedOn: new DateOnly(2021, 10, 1));
            await world.PostAsync(one, office, PositionTitle.DeputySecretary);
            var engineer = await world.MemberAsync("Đỗ Văn Kỹ", technical);
            await world.MemberAsync(NewMember, technical, admittedOn: new DateOnly(2022, 9, 1));
            await world.MemberAsync(Undecided, technical);

            List<Guid> present = [one, two, three, four, .. others];
            List<VoterSpec> voters =
            [
                .. present.Select(id => new VoterSpec(id)),
                new(absentOne, IsPresent: false),
                new(absentTwo, IsPresent: false),
                new(exempt, IsExempt: true, IsPresent: false),
                new(probationary, IsOfficial: false),
            ];
            var meeting = await world.MeetingAsync(office, [one, two, three, four, .. others, absentOne, absentTwo, exempt, probationary], [one, two]);
            var first = await world.BallotAsync(new BallotSpec(office, meeting, BallotKind.Ranking, 1, 10, 8, 6, 2, voters,
            [
                SubjectSpec.Ranking(one, RankingLevel.GoodCompletion, (RankingLevel.ExcellentCompletion, 2, 1), (RankingLevel.GoodCompletion, 4, 1)),
                SubjectSpec.Ranking(two, RankingLevel.ExcellentCompletion, (RankingLevel.ExcellentCompletion, 4, 2), (RankingLevel.GoodCompletion, 2, 0)),
                SubjectSpec.Ranking(probationary, RankingLevel.Completion, (RankingLevel.GoodCompletion, 1, 0), (RankingLevel.Completion, 5, 2)),
                SubjectSpec.Ranking(three, null, (RankingLevel.ExcellentCompletion, 1, 0), (RankingLevel.GoodCompletion, 2, 0), (RankingLevel.Completion, 2, 0)),
            ]));
            var revote = await world.BallotAsync(new BallotSpec(office, meeting, BallotKind.Ranking, 2, 10, 8, 8, 0, voters,
                [SubjectSpec.Ranking(three, RankingLevel.GoodCompletion, (RankingLevel.GoodCompletion, 7, 0), (RankingLevel.Completion, 1, 0))])
            {
                PreviousBallotId = first,
                Order = 1,
            });
            Guid? previous = null;
            for (var round = 1; round <= 3; round++)
            {
                var last = round == 3;
                previous = await world.BallotAsync(new BallotSpec(office, meeting, BallotKind.ExcellenceApproval, round, 10, 8, 6, 2, voters,
                [
                    SubjectSpec.Approval(two, 6, 2, last ? false : null, revote: !last, paperAgree: 1, paperDisagree: 1),
                    SubjectSpec.Approval(four, 6, 2, last ? false : null, revote: !last, paperAgree: 1, paperDisagree: 1),
                ])
                {
                    PreviousBallotId = previous,
                    Seats = 1,
                    Order = 2 + round,
                });
            }

            await world.DecideAsync(one, RankingLevel.GoodCompletion, committee, first);
            await world.DecideAsync(two, RankingLevel.GoodCompletion, committee, first);
            await world.DecideAsync(probationary, RankingLevel.Completion, committee, first);
            await world.DecideAsync(three, RankingLevel.ExcellentCompletion, committee, null, revision: 2, reason: "Bổ sung thành tích được khen thưởng");
            await world.DecideAsync(four, RankingLevel.ExcellentCompletion, committee, null);
            var levels = new[] { RankingLevel.GoodCompletion, RankingLevel.GoodCompletion, RankingLevel.GoodCompletion, RankingLevel.NonCompletion };
            for (var i = 0; i < others.Count; i++)
            {
                await world.DecideAsync(others[i], levels[i], committee, first);
            }
            await world.DecideAsync(engineer, RankingLevel.GoodCompletion, committee, null);
            await world.DecideAsync(office, RankingLevel.GoodCompletion, committee, null, BallotSubjectKind.Organisation);
            // 12 members ranked? One, two, probationary, three, four, four others, engineer = 10; two more below.
            var extraOne = await world.MemberAsync("Kiều Văn Mười", office);
            var extraTwo = await world.MemberAsync("Lương Thị Mười Một", office);
            await world.DecideAsync(extraOne, RankingLevel.GoodCompletion, committee, null);
            await world.DecideAsync(extraTwo, RankingLevel.GoodCompletion, committee, null);
            return new Scenario(committee, office, technical, first, revote);
        }

        /// <summary>A closed ballot of the technical cell with no meeting, no paper and no decision yet; its secretary chairs.</summary>
        public async Task<Guid> LoneBallotAsync(BallotWorld world)
        {
            var secretary = await world.MemberAsync("Hoàng Văn Bí Thư", TechnicalCell);
            await world.PostAsync(secretary, TechnicalCell, PositionTitle.Secretary);
            var voter = await world.MemberAsync("Quách Văn Phiếu", TechnicalCell);
            return await world.BallotAsync(new BallotSpec(TechnicalCell, null, BallotKind.Ranking, 1, 2, 2, 2, 0,
                [new VoterSpec(secretary), new VoterSpec(voter)],
                [SubjectSpec.Ranking(voter, RankingLevel.GoodCompletion, (RankingLevel.GoodCompletion, 2, 0))]));
        }
    }
}

public sealed class SqliteBallotExporterTests() : BallotExporterTests(StorageProvider.Sqlite);

public sealed class PostgresBallotExporterTests() : BallotExporterTests(StorageProvider.PostgreSQL);
