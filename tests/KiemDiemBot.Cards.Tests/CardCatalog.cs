using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>Every card the bot can send, in each of its variants.</summary>
internal static class CardCatalog
{
    public const string MemberName = "Nguyễn Thị Minh Khai";

    public const string RosterContact = "Văn phòng Đảng ủy, vpdu@stp.gov.vn";
    private static readonly FlowCardData Stamp = new(
        "sample", "name", 3, Guid.Parse("8f0c6a52-1d3e-4b7a-9c55-0e2f4a6b8d10"), Guid.Parse("2b9d7e14-5a6c-4f80-b3d2-7c1e9a0f6b45"));

    /// <summary>Cards with no button: read-only summaries that replace answered or out-of-date cards.</summary>
    public static IReadOnlySet<string> ReadOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "answered", "answered-blank", "outdated", "file-offer-sent",
        "cycle-opened-report", "cycle-opened-report-unreachable", "meeting-dates-saved", "meeting-dates-saved-warnings",
        "meeting-cancelled", "meeting-agenda", "meeting-agenda-empty",
        "ballot-cast", "ballot-cast-revote", "ballot-paper-sent",
    }.Concat(RankingCards.ReadOnly).Concat(ReminderCards.ReadOnly).Concat(DraftCirculationCards.ReadOnly).Concat(MeetingCalendarCards.ReadOnly)
        .Concat(GraphFilesInstallCards.ReadOnly).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("welcome-named", WelcomeCard.Build(new WelcomeCardInput(MemberName))),
        ("welcome-unnamed", WelcomeCard.Build(new WelcomeCardInput(null))),
        ("welcome-blank-name", WelcomeCard.Build(new WelcomeCardInput("   "))),
        ("help-personal", HelpCard.Build(new HelpCardInput(InGroupConversation: false))),
        ("help-group", HelpCard.Build(new HelpCardInput(InGroupConversation: true))),
        ("not-understood-named", NotUnderstoodCard.Build(new NotUnderstoodCardInput(MemberName))),
        ("not-understood-unnamed", NotUnderstoodCard.Build(new NotUnderstoodCardInput(null))),
        ("turn-failed", TurnFailedCard.Build()),
        ("not-on-roster-named-with-contact", NotOnRosterCard.Build(new NotOnRosterCardInput(MemberName, RosterContact))),
        ("not-on-roster-unnamed-without-contact", NotOnRosterCard.Build(new NotOnRosterCardInput(null, null))),
        ("question", QuestionCard.Build(new QuestionCardInput("Bước 1", "Họ và tên của đồng chí?", "name"))),
        ("question-corrected", QuestionCard.Build(new QuestionCardInput("Bước 2", "Đồng chí tự nhận xét ưu điểm:", "strengths")
        {
            Answer = "Chấp hành tốt",
            Placeholder = "Viết vài dòng",
            IsMultiline = true,
            Errors = ["Câu trả lời quá ngắn.", "Đồng chí viết ít nhất 20 chữ."],
            SubmitTitle = "Lưu và tiếp tục",
        })),
        ("question-stamped", Stamp.StampOnto(QuestionCard.Build(new QuestionCardInput("Bước 1", "Họ và tên của đồng chí?", "name")))),
        ("answered", AnsweredCard.Build(new AnsweredCardInput("Bước 1", [new AnsweredCardFact("Họ và tên", MemberName)]))),
        ("answered-blank", AnsweredCard.Build(new AnsweredCardInput("Bước 2", [new AnsweredCardFact("Ưu điểm", "  ")]))),
        ("outdated", OutdatedCard.Build()),
        ("file-download", FileDownloadCard.Build(new FileDownloadCardInput(
            2026, "Ban-tu-kiem-diem-2026.docx", new Uri("http://127.0.0.1:3978/files/dGVzdA.c2lnbmF0dXJl"), 10))),
        ("file-offer-sent", FileOfferResultCard.Build(new FileOfferResultCardInput(FileOfferResult.Sent))),
        ("file-offer-declined", FileOfferResultCard.Build(new FileOfferResultCardInput(FileOfferResult.Declined))),
        ("file-offer-upload-failed", FileOfferResultCard.Build(new FileOfferResultCardInput(FileOfferResult.UploadFailed))),
        .. SelfReviewCards.All(),
        .. SecretaryCards.All(),
        .. MeetingCards.All(),
        .. BallotCards.All(),
        .. RankingCards.All(),
        .. BallotPaperCards.All(),
        .. ReminderScheduleCards.All(),
        .. ReminderCards.All(),
        .. GraphFilesInstallCards.All(),
        .. DraftCirculationCards.All(),
        .. MeetingCalendarCards.All(),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in All())
        {
            data.Add(name);
        }
        return data;
    }

    public static JsonObject Get(string name) => All().Single(entry => entry.Name == name).Card;
}
