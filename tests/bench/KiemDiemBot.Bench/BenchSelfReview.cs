using System.Text;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Bench;

/// <summary>
/// A realistic filled self-review: a leader who is a civil servant, with review suggestions, so every section and
/// block of the form is there; each answer several lines long, about as much as members write (1 to 2 KB a text).
/// </summary>
internal static class BenchSelfReview
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
    private static readonly string[] GivenNames = ["Văn An", "Thị Bình", "Minh Cường", "Thu Dung", "Quang Hà", "Đức Hùng", "Ngọc Lan"];

    private static readonly string[] Sentences =
    [
        "Luôn kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, tuyệt đối trung thành với Đảng, chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.",
        "Thực hiện tốt các quy định về những điều đảng viên không được làm; giữ gìn phẩm chất đạo đức, lối sống giản dị, trung thực, không có biểu hiện suy thoái, \"tự diễn biến\", \"tự chuyển hóa\".",
        "Chủ động tham mưu, tổ chức thực hiện hoàn thành đúng tiến độ và bảo đảm chất lượng các nhiệm vụ được giao trong năm, trong đó có một số nhiệm vụ hoàn thành vượt mức kế hoạch.",
        "Tham gia đầy đủ các buổi sinh hoạt chi bộ, đóng đảng phí đúng quy định; thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình.",
        "Đôi lúc chưa sắp xếp hợp lý thời gian giữa công việc chuyên môn và nhiệm vụ đoàn thể, nên một số việc còn phải làm thêm giờ để kịp tiến độ.",
        "Tiếp tục học tập, quán triệt các nghị quyết của Đảng; nâng cao trình độ chuyên môn, nghiệp vụ, kỹ năng ứng dụng công nghệ thông tin trong công việc.",
    ];

    public static SelfReviewView Build(int index)
    {
        var reviewCase = new SelfReviewCase(
            IsLeader: true, IsRanked: true, IsProbationary: false, IsTemporary: false, IsCivilServant: true, HasSuggestions: true, Places: []);
        var name = $"{FamilyNames[index % FamilyNames.Length]} {GivenNames[index / FamilyNames.Length % GivenNames.Length]}";
        var grades = CriterionGrades.TopDown;
        var strengths = new Dictionary<StrengthItem, GradedAnswer>();
        foreach (var item in reviewCase.StrengthItems)
        {
            strengths[item] = new GradedAnswer(Text(index + (int)item, 8), grades[(index + (int)item) % 2]);
        }
        var answers = new SelfReviewAnswers
        {
            Identity = new SelfReviewIdentity(
                name, new DateOnly(1970 + (index % 30), 1 + (index % 12), 1 + (index % 28)), "Bí thư chi bộ", "Trưởng phòng",
                "Ủy viên Ban Chấp hành Công đoàn cơ quan", "Phòng Tổ chức cán bộ, Sở Thông tin và Truyền thông", "Chi bộ Phòng Tổ chức cán bộ"),
            Strengths = strengths,
            Shortcomings = Text(index + 10, 4),
            Causes = Text(index + 11, 3),
            Remedy = new GradedAnswer(Text(index + 12, 4), CriterionGrade.Good),
            Explanations = Text(index + 13, 5),
            CollectiveShare = Text(index + 14, 4),
            Measures = Text(index + 15, 6),
            ProposedLevel = RankingLevel.GoodCompletion,
            ProposedCivilServantLevel = RankingLevel.GoodCompletion,
            AcceptedConclusions = Text(index + 16, 3),
        };
        return new SelfReviewView(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2022, 4, SelfReviewStatus.Submitted, answers, reviewCase,
            "Chi bộ Phòng Tổ chức cán bộ", "Đảng bộ Sở Thông tin và Truyền thông",
            new DateTimeOffset(2022, 11, 20, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 11, 25, 1, 0, 0, TimeSpan.Zero),
            index % 10 == 0 ? "Trần Thị Mai" : null);
    }

    /// <summary>Lines of "- sentence", each line one or two sentences.</summary>
    private static string Text(int seed, int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            text.Append("- ").Append(Sentences[(seed + i) % Sentences.Length]);
            if ((seed + i) % 3 == 0)
            {
                text.Append(' ').Append(Sentences[(seed + i + 2) % Sentences.Length]);
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
