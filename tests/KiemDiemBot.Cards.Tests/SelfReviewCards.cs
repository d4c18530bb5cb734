using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The self-review cards in each of their variants, for <see cref="CardCatalog"/>.</summary>
internal static class SelfReviewCards
{
    public const int MaxTextLength = 4000;

    public static IReadOnlyList<SelfReviewChoice> Grades { get; } =
    [
        new("Xuất sắc", "Excellent"), new("Tốt", "Good"), new("Trung bình", "Average"), new("Kém", "Poor"),
    ];

    public static IReadOnlyList<SelfReviewChoice> Levels { get; } =
    [
        new("Hoàn thành xuất sắc nhiệm vụ", "ExcellentCompletion"),
        new("Hoàn thành tốt nhiệm vụ", "GoodCompletion"),
        new("Hoàn thành nhiệm vụ", "Completion"),
        new("Không hoàn thành nhiệm vụ", "NonCompletion"),
    ];

    private static readonly FlowCardData Stamp = new(
        "self-review", "strength-1", 5, Guid.Parse("8f0c6a52-1d3e-4b7a-9c55-0e2f4a6b8d10"), Guid.Parse("2b9d7e14-5a6c-4f80-b3d2-7c1e9a0f6b45"));

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("self-review-identity", SelfReviewSectionCard.Build(new SelfReviewSectionCardInput(
            "Thông tin cá nhân",
            "Kiểm tra và sửa nếu cần:",
            [
                new SelfReviewTextField("fullName", "Họ và tên", CardCatalog.MemberName) { IsMultiline = false },
                new SelfReviewTextField("dateOfBirth", "Ngày sinh", "09/06/1980") { IsMultiline = false, IsRequired = false, Placeholder = "dd/mm/yyyy" },
                new SelfReviewTextField("partyPost", "Chức vụ Đảng", "Bí thư Chi bộ") { IsMultiline = false, IsRequired = false },
            ],
            MaxTextLength)
        {
            Progress = "Bước 1/9",
            Notices = ["Đồng chí là đảng viên dự bị: vẫn kiểm điểm và xếp loại, nhưng không biểu quyết."],
            Places = ["Chi bộ Văn phòng Sở: kiểm điểm về nhiệm vụ đảng viên.", "Ban Giám đốc Sở: sâu về chức trách, nhiệm vụ được giao."],
        })),
        ("self-review-strength", SelfReviewSectionCard.Build(new SelfReviewSectionCardInput(
            "I.1. Tư tưởng chính trị; phẩm chất đạo đức, lối sống",
            "Đồng chí tự nhận xét ưu điểm, kết quả đạt được:",
            [new SelfReviewTextField("text", "Ưu điểm, kết quả", null)],
            MaxTextLength)
        {
            Grade = new SelfReviewChoiceField("grade", "Tự đánh giá", Grades, null),
        })),
        ("self-review-strength-refused-stamped", Stamp.StampOnto(SelfReviewSectionCard.Build(new SelfReviewSectionCardInput(
            "I.2. Thực hiện chức trách, nhiệm vụ được giao",
            "Đồng chí tự nhận xét ưu điểm, kết quả đạt được:",
            [new SelfReviewTextField("text", "Ưu điểm, kết quả", new string('a', 120))],
            MaxTextLength)
        {
            Grade = new SelfReviewChoiceField("grade", "Tự đánh giá", Grades, "Good"),
            Errors = ["Đồng chí chưa chọn mức tự đánh giá."],
            SubmitTitle = "Lưu, về bản tổng hợp",
        }))),
        ("self-review-shortcomings-proxy", SelfReviewSectionCard.Build(new SelfReviewSectionCardInput(
            "II. Hạn chế, khuyết điểm và nguyên nhân",
            "Nêu hạn chế, khuyết điểm và nguyên nhân:",
            [new SelfReviewTextField("shortcomings", "Hạn chế, khuyết điểm", "Có lúc chưa đúng hạn"), new SelfReviewTextField("causes", "Nguyên nhân", null)],
            MaxTextLength)
        {
            Subject = "Bản tự kiểm điểm của đồng chí Lê Văn Long (Bí thư nhập hộ)",
        })),
        ("self-review-level", SelfReviewLevelCard.Build(new SelfReviewLevelCardInput(
            "VII. Tự nhận mức xếp loại",
            "Hoàn thành tốt nhiệm vụ",
            "Mọi tiêu chí đạt Tốt trở lên: gợi ý Hoàn thành tốt nhiệm vụ.",
            [],
            new SelfReviewChoiceField("partyLevel", "Là đảng viên", Levels, "GoodCompletion"))
        {
            CivilServantLevel = new SelfReviewChoiceField("civilServantLevel", "Là cán bộ, công chức", Levels, null),
        })),
        ("self-review-level-disciplined", SelfReviewLevelCard.Build(new SelfReviewLevelCardInput(
            "VII. Tự nhận mức xếp loại",
            "Hoàn thành nhiệm vụ",
            "Mọi tiêu chí đạt Trung bình trở lên: gợi ý Hoàn thành nhiệm vụ.",
            [new SelfReviewLevelCap("Không hoàn thành nhiệm vụ", "Bị xử lý kỷ luật trong năm nên xếp loại Không hoàn thành nhiệm vụ.")],
            new SelfReviewChoiceField("partyLevel", "Là đảng viên", [Levels[3]], null))
        {
            Notices = ["Đồng chí bị kỷ luật trong năm nên chỉ có thể tự nhận Không hoàn thành nhiệm vụ."],
            Errors = ["Đồng chí chưa chọn mức xếp loại."],
        })),
        ("self-review-summary", SelfReviewSummaryCard.Build(new SelfReviewSummaryCardInput(
            "Bản tự kiểm điểm năm 2026",
            "Đang soạn",
            [
                new SelfReviewSummarySection("I. Ưu điểm, kết quả đạt được", [new SelfReviewSummaryItem("1. Tư tưởng chính trị (Tốt)", new string('x', 900))])
                { EditSection = "strength-1", EditTitle = "Sửa mục I" },
                new SelfReviewSummarySection("II. Hạn chế, khuyết điểm", [new SelfReviewSummaryItem("Hạn chế, khuyết điểm", null)]) { EditSection = "shortcomings" },
            ])
        {
            Missing = ["II. Hạn chế, khuyết điểm và nguyên nhân"],
            Notices = ["Đồng chí sinh hoạt tạm thời: chi bộ chính thức xếp loại sau khi nhận nhận xét của chi bộ nơi sinh hoạt tạm thời."],
            Errors = ["Chưa nộp được: còn thiếu mục II."],
            CanSubmit = true,
        })),
        ("self-review-summary-submitted-proxy", SelfReviewSummaryCard.Build(new SelfReviewSummaryCardInput(
            "Bản tự kiểm điểm năm 2026",
            "Đã nộp lúc 08:30 ngày 25/11/2026",
            [new SelfReviewSummarySection("VI. Phương hướng, biện pháp khắc phục", [new SelfReviewSummaryItem("Biện pháp", "Đúng hạn")])])
        {
            Subject = "Bản tự kiểm điểm của đồng chí Lê Văn Long (Bí thư nhập hộ)",
            CanExport = true,
            ExportMemberId = "0f8fad5b-d9cb-469f-a165-70867728950e",
        })),
        ("self-review-submitted", SelfReviewSubmittedCard.Build(new SelfReviewSubmittedCardInput(
            "Đã nộp bản tự kiểm điểm năm 2026", "Đồng chí đã nộp lúc 08:30 ngày 25/11/2026.")
        {
            Notices = ["Gõ “xem lại” để xem lại; sau hội nghị, gõ “hoàn thiện” để bổ sung phần tiếp thu."],
        })),
    ];
}
