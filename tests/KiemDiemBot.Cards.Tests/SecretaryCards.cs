using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The secretary's cards (opening a cycle, meeting dates, progress, the messages to members), in each variant.</summary>
internal static class SecretaryCards
{
    public static readonly Guid CellId = Guid.Parse("6a1f0c2e-8b3d-4e5f-9a7b-1c2d3e4f5a60");
    public static readonly Guid CycleId = Guid.Parse("0b2c3d4e-5f60-4718-8a9b-ac0d1e2f3a4b");

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("open-cycle", OpenCycleCard.Build(OpenCycle([]))),
        ("open-cycle-refused", OpenCycleCard.Build(OpenCycle(["Năm kiểm điểm phải từ 2000 đến 2100.", "Chưa điền thời hạn “Chi bộ hoàn thành kiểm điểm”."]) with { Year = null })),
        ("open-cycle-everyone", OpenCycleCard.Build(OpenCycle([]) with { ScopeName = null })),
        ("cycle-opened-report", CycleOpenedReportCard.Build(Report(unreachable: 0))),
        ("cycle-opened-report-unreachable", CycleOpenedReportCard.Build(Report(unreachable: 45) with { AlreadyNotified = 12 })),
        ("cycle-opened", CycleOpenedCard.Build(new CycleOpenedCardInput(2026, new DateOnly(2026, 12, 1)))),
        ("reminder-with-meeting", ReviewReminderCard.Build(new ReviewReminderCardInput(2026, CardCatalog.MemberName)
        {
            MeetingDate = new DateOnly(2026, 11, 25),
            MeetingTime = new TimeOnly(8, 0),
        })),
        ("reminder-without-meeting", ReviewReminderCard.Build(new ReviewReminderCardInput(2026, null))),
        ("meeting-dates", MeetingDatesCard.Build(MeetingDates([]))),
        ("meeting-dates-refused", MeetingDatesCard.Build(MeetingDates(["Chi bộ Văn phòng Sở: có ngày họp nhưng chưa có giờ."]))),
        ("meeting-dates-saved", MeetingDatesSavedCard.Build(new MeetingDatesSavedCardInput(2026, "Đảng bộ cơ sở mẫu",
            [
                new SavedMeeting("Đảng bộ cơ sở mẫu", null, null, Changed: false),
                new SavedMeeting("Chi bộ Văn phòng Sở", new DateOnly(2026, 11, 25), new TimeOnly(8, 0), Changed: true),
            ], []))),
        ("meeting-dates-saved-warnings", MeetingDatesSavedCard.Build(new MeetingDatesSavedCardInput(2026, "Đảng bộ cơ sở mẫu",
            [new SavedMeeting("Chi bộ Văn phòng Sở", new DateOnly(2026, 12, 3), new TimeOnly(14, 30), Changed: true)],
            ["Chi bộ Văn phòng Sở họp ngày 03/12/2026, từ ngày hạn 01/12/2026 trở đi."]))),
        ("progress-small", CellProgressCard.Build(Progress(6))),
        ("progress-big-first-page", CellProgressCard.Build(Progress(200))),
        ("progress-big-last-page", CellProgressCard.Build(Progress(200) with { Page = 13, Notice = "Đã ghi nhận Mẫu 3-213 của đồng chí Lê Văn Tám." })),
        ("progress-all-done", CellProgressCard.Build(Progress(3) with
        {
            Members = [.. Progress(3).Members.Select(m => m with { Status = CellProgressStatus.Submitted })],
        })),
        ("progress-empty", CellProgressCard.Build(Progress(0))),
        ("progress-meeting-started", CellProgressCard.Build(Progress(3) with
        {
            Members = [.. Progress(3).Members.Select(m => m with { Status = CellProgressStatus.Locked })],
            Notice = "Đã mở khóa bản tự kiểm điểm của đồng chí Lê Văn Tám: đồng chí ấy sửa tiếp được.",
        })),
        ("progress-not-reviewed-and-temporary", CellProgressCard.Build(Progress(2) with
        {
            Members =
            [
                Progress(2).Members[0] with { IsReviewed = false },
                Progress(2).Members[1] with { IsTemporaryHere = true },
            ],
        })),
    ];

    public static OpenCycleCardInput OpenCycle(IReadOnlyList<string> errors) => new(
        2026,
        "HD21-2022",
        [new OpenCycleChoice("HD21-2022", "Hướng dẫn 21-HD/BTCTW (năm 2022)")],
        [
            new OpenCycleDeadline("deadline_CellReview", "Chi bộ hoàn thành kiểm điểm", new DateOnly(2026, 12, 1)),
            new OpenCycleDeadline("deadline_SubCommitteeReview", "Đảng bộ bộ phận hoàn thành kiểm điểm", new DateOnly(2026, 12, 5)),
            new OpenCycleDeadline("deadline_ReportsUp", "Gửi báo cáo, danh sách lên cấp trên", null),
        ],
        "Đảng bộ Khối cơ quan tỉnh") { Errors = errors };

    public static CycleOpenedReportCardInput Report(int unreachable) => new(
        2026,
        "Hướng dẫn 21-HD/BTCTW (năm 2022)",
        [new CycleOpenedDeadline("Chi bộ hoàn thành kiểm điểm", new DateOnly(2026, 12, 1))],
        Notified: 9955,
        unreachable,
        [.. Enumerable.Range(1, unreachable).Select(i => $"Đảng viên số {i}")]);

    public static MeetingDatesCardInput MeetingDates(IReadOnlyList<string> errors) => new(2026, "Đảng bộ cơ sở mẫu",
        [
            new MeetingDateField("a1", "Đảng bộ cơ sở mẫu", null, null, new DateOnly(2026, 12, 10)),
            new MeetingDateField("b2", "Chi bộ Văn phòng Sở", new DateOnly(2026, 11, 25), null, new DateOnly(2026, 12, 1)),
            new MeetingDateField("c3", "Chi bộ Công nghệ thông tin", new DateOnly(2026, 11, 26), new TimeOnly(14, 0), new DateOnly(2026, 12, 1)),
        ]) { Errors = errors };

    /// <summary>A cell of <paramref name="members"/> with every status, comment state and reachability in turn.</summary>
    public static CellProgressCardInput Progress(int members) => new(CellId, CycleId, 2026, "Chi bộ Văn phòng Sở",
        [.. Enumerable.Range(0, members).Select(i => new CellProgressRow(
            new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]),
            $"Nguyễn Thị Phương Thảo {i + 1}",
            (CellProgressStatus)(i % 4),
            (CommentProgress)(i % 3),
            (CommentProgress)((i + 1) % 3),
            Reachable: i % 5 != 0))]);
}
