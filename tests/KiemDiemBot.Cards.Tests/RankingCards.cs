using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The decision cards (adoption check, adopted list, paper tallies, re-ranking, the member's notice), in each variant.</summary>
internal static class RankingCards
{
    public static readonly Guid CycleId = Guid.Parse("4c1d2e3f-5a6b-4c7d-8e9f-a0b1c2d3e4f5");
    public static readonly Guid BodyId = Guid.Parse("9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4");
    public static readonly Guid SubjectId = Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    public const string CapLine = "Đảng viên: 5 Hoàn thành xuất sắc nhiệm vụ bên cạnh 9 Hoàn thành tốt nhiệm vụ (5 × 5 = 25 lớn hơn 9), vượt quá 20% số Hoàn thành tốt nhiệm vụ; chỉ được tối đa 2 Hoàn thành xuất sắc nhiệm vụ.";

    /// <summary>The cards with no button.</summary>
    public static IReadOnlyList<string> ReadOnly { get; } = ["ranking-adopted", "paper-tally-recorded", "ranking-changed", "re-ranked-told", "re-ranked-not-reached"];

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("adoption-check-cap", RankingAdoptionCheckCard.Build(Check([CapLine, "Đề nghị Hoàn thành xuất sắc nhiệm vụ: A, B, C, D, E."], canOpenApproval: true))),
        ("adoption-check-open-ballot", RankingAdoptionCheckCard.Build(Check(["Phiếu ở Chi bộ A đang mở: cần đóng phiếu trước khi thông qua."], canOpenApproval: false))),
        ("adoption-check-ready", RankingAdoptionCheckCard.Build(Check([], canOpenApproval: false))),
        ("adoption-check-nothing", RankingAdoptionCheckCard.Build(Check([], canOpenApproval: false) with { Pending = 0 })),
        ("ranking-adopted", RankingAdoptedCard.Build(new RankingAdoptedCardInput("Đảng bộ Sở Thông tin và Truyền thông",
            [
                new RankingAdoptedRow("Nguyễn Văn Hùng", "Chi bộ Văn phòng Sở", "Hoàn thành xuất sắc nhiệm vụ", DroppedByApproval: false),
                new RankingAdoptedRow("Phạm Thị Hương", "Chi bộ Văn phòng Sở", "Hoàn thành tốt nhiệm vụ", DroppedByApproval: true),
                new RankingAdoptedRow("Lê Minh Tuấn", "Chi bộ Phòng Công nghệ thông tin", "Hoàn thành tốt nhiệm vụ", DroppedByApproval: false),
            ],
            [new RankingLevelTotal("Hoàn thành xuất sắc nhiệm vụ", 1), new RankingLevelTotal("Hoàn thành tốt nhiệm vụ", 2)]))),
        ("paper-tally-ranking", PaperTallyCard.Build(Paper(isApproval: false))),
        ("paper-tally-approval-refused", PaperTallyCard.Build(Paper(isApproval: true) with { Errors = ["Đảng viên A: tổng số phiếu (3) nhiều hơn số phiếu giấy (2)."] })),
        ("paper-tally-recorded", PaperTallyRecordedCard.Build(new PaperTallyRecordedCardInput("Chi bộ Văn phòng Sở", 2, 3))),
        ("re-rank", ReRankCard.Build(ReRank([]))),
        ("re-rank-refused", ReRankCard.Build(ReRank(["Cần ghi lý do xếp loại lại."]))),
        ("ranking-changed", RankingChangedCard.Build(new RankingChangedCardInput(
            "Đảng bộ Sở Thông tin và Truyền thông", 2026, "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Phát hiện khuyết điểm sau khi xếp loại."))),
        ("re-ranked-told", ReRankedCard.Build(new ReRankedCardInput("Hoàng Văn Nam", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Lý do.", MemberTold: true))),
        ("re-ranked-not-reached", ReRankedCard.Build(new ReRankedCardInput("Hoàng Văn Nam", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Lý do.", MemberTold: false))),
    ];

    public static RankingAdoptionCheckCardInput Check(IReadOnlyList<string> blockers, bool canOpenApproval) =>
        new(CycleId, BodyId, "Đảng bộ Sở Thông tin và Truyền thông", 2, blockers, canOpenApproval, canOpenApproval ? 2 : 0);

    public static PaperTallyCardInput Paper(bool isApproval) => new("Chi bộ Văn phòng Sở", 1, isApproval,
    [
        new PaperTallySubject(SubjectId, "Hoàng Văn Nam", [new("HTXSNV", "4"), new("HTTNV", "3"), new("HTNV", "2"), new("KHTNV", "1")]),
        new PaperTallySubject(Guid.Parse("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"), "Phan Văn Long", [new("KHTNV", "1")]),
    ]);

    public static ReRankCardInput ReRank(IReadOnlyList<string> errors) => new("Đảng bộ Sở Thông tin và Truyền thông",
        [new ReRankChoice(SubjectId.ToString("N"), "Hoàng Văn Nam (Chi bộ Văn phòng Sở) – hiện: Hoàn thành tốt nhiệm vụ")],
        [new ReRankChoice("4", "Hoàn thành xuất sắc nhiệm vụ"), new ReRankChoice("3", "Hoàn thành tốt nhiệm vụ"), new ReRankChoice("2", "Hoàn thành nhiệm vụ"), new ReRankChoice("1", "Không hoàn thành nhiệm vụ")],
        2000)
    {
        Errors = errors,
    };
}
