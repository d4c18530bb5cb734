using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The draft circulation's cards (the draft with a comment box, the chairs' collected comments), in each variant.</summary>
internal static class DraftCirculationCards
{
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal) { "draft-comments-none", "draft-comments" };

    private static readonly Guid MeetingId = Guid.Parse("5e6f7081-92a3-44b5-86c7-d8e9fa0b1c2d");

    private static readonly DateTimeOffset Received = new(2026, 11, 20, 9, 15, 0, TimeSpan.FromHours(7));

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("draft-circulation", DraftCirculationCard.Build(Circulation())),
        ("draft-circulation-file-link", DraftCirculationCard.Build(Circulation() with { DraftReportUrl = "/files/ZHV0aGFv.c2lnbmF0dXJl" })),
        ("draft-circulation-commented", DraftCirculationCard.Build(Circulation() with
        {
            PreviousComment = "Đề nghị bổ sung phần hạn chế về công tác phát triển đảng viên.\nPhần phương hướng nên có thời hạn cụ thể.",
            SavedAt = Received,
        })),
        ("draft-comments-none", DraftCommentsCard.Build(new DraftCommentsCardInput("Chi bộ Văn phòng Sở", new DateOnly(2026, 11, 25), new TimeOnly(8, 0), 7, []))),
        ("draft-comments", DraftCommentsCard.Build(new DraftCommentsCardInput("Chi bộ Văn phòng Sở", new DateOnly(2026, 11, 25), new TimeOnly(8, 0), 7,
        [
            new DraftCommentLine("Đỗ Thị Thu Trang", "Đề nghị bổ sung phần hạn chế về công tác phát triển đảng viên.", Received),
            new DraftCommentLine("Phan Văn Long", "Nhất trí với dự thảo.", Received.AddHours(2)),
        ]))),
    ];

    private static DraftCirculationCardInput Circulation() =>
        new(MeetingId, "Chi bộ Văn phòng Sở", new DateOnly(2026, 11, 25), new TimeOnly(8, 0), "https://onedrive.example/du-thao.docx", new DateOnly(2026, 11, 20));
}
