using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The ballot cards (setup, the private ballot, its receipt, the meeting chat's status and result), in each variant.</summary>
internal static class BallotCards
{
    public static readonly Guid BallotId = Guid.Parse("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    public static readonly Guid BodyId = Guid.Parse("6a1f0c2e-8b3d-4e5f-9a7b-1c2d3e4f5a60");
    public static readonly Guid CycleId = Guid.Parse("0b2c3d4e-5f60-4718-8a9b-ac0d1e2f3a4b");

    public const string CapReason = "Bị kỷ luật trong năm kiểm điểm: chỉ được xếp Không hoàn thành nhiệm vụ.";

    public static IReadOnlyList<BallotCardLegend> Legend { get; } =
    [
        new("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"),
        new("HTTNV", "Hoàn thành tốt nhiệm vụ"),
        new("HTNV", "Hoàn thành nhiệm vụ"),
        new("KHTNV", "Không hoàn thành nhiệm vụ"),
    ];

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("ballot-setup", BallotSetupCard.Build(Setup(6))),
        ("ballot-setup-below-quorum", BallotSetupCard.Build(Setup(6) with
        {
            AskOverride = true,
            Quorum = new BallotSetupQuorum(4, 3, 2, 3, "Có 2/4 đảng viên chính thức được triệu tập có mặt, chưa đủ 2/3 (cần ít nhất 3)."),
            Errors = ["Có 2/4 đảng viên chính thức được triệu tập có mặt, chưa đủ 2/3 (cần ít nhất 3)."],
        })),
        ("ballot-setup-members-only", BallotSetupCard.Build(Setup(3) with { OrganisationName = null, Collectives = [] })),
        ("ballot", BallotCard.Build(Ballot(5, capEvery: 3))),
        ("ballot-forty", BallotCard.Build(Ballot(40, capEvery: 4))),
        ("ballot-revote", BallotCard.Build(Ballot(3, capEvery: 0) with { Round = 2 })),
        ("ballot-approval", BallotCard.Build(Ballot(3, capEvery: 0) with { IsApproval = true, Seats = 2, Legend = [] })),
        ("ballot-cast", BallotCastCard.Build(new BallotCastCardInput("Chi bộ Văn phòng Sở", 1))),
        ("ballot-cast-revote", BallotCastCard.Build(new BallotCastCardInput("Chi bộ Văn phòng Sở", 2))),
        ("ballot-status-open", BallotStatusCard.Build(new BallotStatusCardInput(BallotId, "Chi bộ Văn phòng Sở", false, 1, 10, 3, 9, IsOpen: true))),
        ("ballot-status-overridden-paper", BallotStatusCard.Build(new BallotStatusCardInput(BallotId, "Chi bộ Văn phòng Sở", false, 2, 1, 5, 6, IsOpen: true)
        {
            PaperBallots = 1,
            QuorumOverridden = true,
        })),
        ("ballot-status-closed", BallotStatusCard.Build(new BallotStatusCardInput(BallotId, "Chi bộ Văn phòng Sở", true, 1, 4, 9, 9, IsOpen: false))),
        ("ballot-result", BallotResultCard.Build(Result(revote: false))),
        ("ballot-result-revote", BallotResultCard.Build(Result(revote: true) with
        {
            CapWarning = "Số đảng viên Hoàn thành xuất sắc nhiệm vụ (3) vượt quá 20% số Hoàn thành tốt nhiệm vụ (5).",
        })),
        ("ballot-result-approval", BallotResultCard.Build(Result(revote: false) with
        {
            IsApproval = true,
            Subjects = [new BallotResultRow("Lê Văn Tám", [new("Đồng ý", 7), new("Không đồng ý", 2)], "Hoàn thành xuất sắc nhiệm vụ", false, "Được giữ: 7 phiếu đồng ý.")],
        })),
    ];

    public static Guid Subject(int i) => new(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 2]);

    public static BallotSetupCardInput Setup(int members) => new(
        "Chi bộ Văn phòng Sở",
        BallotSetupKind.Members,
        [.. Enumerable.Range(0, members).Select(i => new BallotSetupSubject(Subject(i).ToString("N"), $"Nguyễn Thị Phương Thảo {i + 1}", Ticked: true))],
        "Chi bộ Văn phòng Sở",
        [new BallotSetupSubject("c1", "Ban chi ủy Chi bộ Văn phòng Sở", Ticked: true)],
        [
            .. Enumerable.Range(0, members).Select(i => new BallotSetupAttendee(Subject(i).ToString("N"), $"Nguyễn Thị Phương Thảo {i + 1}", BallotSetupAttendeeKind.Official, Present: i != 1)),
            new BallotSetupAttendee("d1", "Trần Văn Dự", BallotSetupAttendeeKind.Probationary, Present: false),
            new BallotSetupAttendee("e1", "Lý Thị Miễn", BallotSetupAttendeeKind.Exempt, Present: false),
        ],
        new BallotSetupQuorum(members, (members * 2 + 2) / 3, 2, 3, null));

    /// <summary>A ranking ballot of <paramref name="subjects"/> long names, every <paramref name="capEvery"/>-th capped (0: none).</summary>
    public static BallotCardInput Ballot(int subjects, int capEvery) => new(
        BallotId,
        "Chi bộ Văn phòng Sở",
        1,
        false,
        [.. Enumerable.Range(0, subjects).Select(i =>
        {
            var capped = capEvery > 0 && i % capEvery == capEvery - 1;
            return new BallotCardSubject(
                Subject(i),
                $"Nguyễn Thị Phương Thảo Ngọc Hân {i + 1}",
                capped ? [new BallotCardChoice("KHTNV", "1")] : [new("HTXSNV", "4"), new("HTTNV", "3"), new("HTNV", "2"), new("KHTNV", "1")],
                capped ? [CapReason] : []);
        })],
        Legend);

    public static BallotResultCardInput Result(bool revote) => new(
        BallotId,
        CycleId,
        BodyId,
        "Chi bộ Văn phòng Sở",
        false,
        1,
        Base: 11,
        Cast: 9,
        Voters: 10,
        PaperBallots: 1,
        [
            new BallotResultRow("Phạm Thị Hương", [new("HTXSNV", 3), new("HTTNV", 4), new("HTNV", 3), new("KHTNV", 0)], "Hoàn thành tốt nhiệm vụ", false, "7 phiếu từ Hoàn thành tốt nhiệm vụ trở lên, hơn một nửa của 11."),
            new BallotResultRow("Lê Văn Tám", [new("HTXSNV", 2), new("HTTNV", 2), new("HTNV", 1), new("KHTNV", 0)], null, revote, "Không mức nào được hơn một nửa của 11."),
        ])
    {
        NeedsRevote = revote,
        ToDo = revote ? ["Bỏ phiếu lại cho 1 đối tượng chưa có kết quả."] : ["Đảng ủy cơ sở thông qua kết quả."],
    };
}
