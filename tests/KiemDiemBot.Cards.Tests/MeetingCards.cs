using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The review meeting's cards (schedule form, meeting, agenda), in each variant.</summary>
internal static class MeetingCards
{
    public static readonly Guid MeetingId = Guid.Parse("3c4d5e6f-7081-4293-a4b5-c6d7e8f90a1b");

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("meeting-schedule", MeetingScheduleCard.Build(Schedule())),
        ("meeting-schedule-move-refused", MeetingScheduleCard.Build(Schedule() with
        {
            IsMove = true,
            StartDate = new DateOnly(2026, 11, 25),
            StartTime = new TimeOnly(8, 0),
            EndDate = new DateOnly(2026, 11, 25),
            EndTime = new TimeOnly(7, 0),
            DraftReportUrl = "https://onedrive.example/du-thao.docx",
            AsksDraftApproval = true,
            DraftApproved = true,
            Errors = ["Thời gian kết thúc (07:00 25/11/2026) phải sau thời gian bắt đầu (08:00 25/11/2026)."],
        })),
        ("meeting-saved", MeetingCard.Build(Meeting())),
        ("meeting-saved-warnings", MeetingCard.Build(Meeting() with
        {
            DraftReportUrl = null,
            DraftApproved = false,
            Warnings =
            [
                "Không còn đủ 3 ngày làm việc để gửi trước dự thảo báo cáo kiểm điểm cho người dự họp: phải gửi chậm nhất ngày 20/11/2026, mà hôm nay đã là ngày 23/11/2026.",
                "Chưa có dự thảo báo cáo kiểm điểm của tập thể: hãy dán đường liên kết tới tệp dự thảo để gửi trước cho người dự họp.",
            ],
        })),
        ("meeting-cancelled", MeetingCard.Build(Meeting() with { IsCancelled = true })),
        ("meeting-agenda", MeetingAgendaCard.Build(new MeetingAgendaCardInput("Chi bộ Văn phòng Sở", new DateOnly(2026, 11, 25), new TimeOnly(8, 0), Agenda()))),
        ("meeting-agenda-empty", MeetingAgendaCard.Build(new MeetingAgendaCardInput("Chi bộ Văn phòng Sở", new DateOnly(2026, 11, 25), new TimeOnly(8, 0), []))),
    ];

    public static MeetingScheduleCardInput Schedule() => new(2026, "Chi bộ Văn phòng Sở",
    [
        new MeetingPersonChoice("a1", "Phạm Thị Hương"),
        new MeetingPersonChoice("b2", "Đỗ Thị Thu Trang", MeetingPersonNote.Probationary),
        new MeetingPersonChoice("c3", "Đặng Văn Thành", MeetingPersonNote.Exempt),
    ])
    {
        ParticipantKeys = ["a1", "b2", "c3"],
        CoChairKeys = ["a1"],
    };

    public static MeetingCardInput Meeting() => new(MeetingId, "Chi bộ Văn phòng Sở", new DateOnly(2026, 11, 25), new TimeOnly(8, 0))
    {
        EndDate = new DateOnly(2026, 11, 25),
        EndTime = new TimeOnly(11, 30),
        Participants = ["Phạm Thị Hương", "Hoàng Văn Nam", "Đỗ Thị Thu Trang"],
        CoChairs = ["Phạm Thị Hương"],
        DraftReportUrl = "https://onedrive.example/du-thao.docx",
        Agenda = Agenda(),
        Notice = "Đã lưu lịch họp; nhóm chat này là nhóm họp, phiếu kín sẽ mở ở đây.",
    };

    private static List<MeetingAgendaLine> Agenda() =>
    [
        new(true, "Chi bộ Văn phòng Sở", ["Phạm Thị Hương"], null),
        new(false, "Phạm Thị Hương", ["Hoàng Văn Nam"], "Người đứng đầu được kiểm điểm: cấp phó chủ trì."),
        new(false, "Hoàng Văn Nam", ["Phạm Thị Hương"], null),
        new(false, "Đỗ Thị Thu Trang", [], "Chưa có người chủ trì."),
    ];
}
