using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>Filled self-reviews as the service returns them, one per case the form changes with.</summary>
internal static class SampleSelfReviews
{
    public const string MemberName = "Nguyễn Văn An";
    public const string CellName = "Chi bộ Văn phòng Sở";
    public const string SuperiorName = "Đảng bộ Sở Thông tin và Truyền thông";

    /// <summary>Every text differs, spans two lines, and says where it belongs, so a test can find it.</summary>
    public static string TextFor(string where) => $"Nội dung {where}: kết quả cụ thể trong năm.\nDòng thứ hai của {where}.";

    public static SelfReviewCase Case(
        bool leader = false, bool ranked = true, bool civilServant = false, bool suggestions = false) =>
        new(leader, ranked, IsProbationary: false, IsTemporary: false, civilServant, suggestions, Places: []);

    /// <summary>A complete review for the case: every item answered and graded, levels chosen.</summary>
    public static SelfReviewView Filled(SelfReviewCase reviewCase, string? proxy = null, string? conclusions = null)
    {
        var grades = CriterionGrades.TopDown;
        var strengths = new Dictionary<StrengthItem, GradedAnswer>();
        for (var i = 0; i < reviewCase.StrengthItems.Count; i++)
        {
            var item = reviewCase.StrengthItems[i];
            strengths[item] = new GradedAnswer(TextFor($"mục {item}"), grades[i % grades.Count]);
        }
        var answers = new SelfReviewAnswers
        {
            Identity = new SelfReviewIdentity(
                MemberName, new DateOnly(1980, 3, 12), "Chi ủy viên", "Chánh Văn phòng", "Ủy viên Ban Chấp hành Công đoàn", "Văn phòng Sở", CellName),
            Strengths = strengths,
            Shortcomings = TextFor("hạn chế"),
            Causes = TextFor("nguyên nhân"),
            Remedy = new GradedAnswer(TextFor("khắc phục"), CriterionGrade.Average),
            Explanations = reviewCase.HasSuggestions ? TextFor("giải trình") : null,
            CollectiveShare = reviewCase.IsLeader ? TextFor("trách nhiệm tập thể") : null,
            Measures = TextFor("biện pháp"),
            ProposedLevel = reviewCase.IsRanked ? RankingLevel.GoodCompletion : null,
            ProposedCivilServantLevel = reviewCase.IsRanked && reviewCase.IsCivilServant ? RankingLevel.ExcellentCompletion : null,
            AcceptedConclusions = conclusions,
        };
        return View(reviewCase, answers, proxy);
    }

    public static SelfReviewView View(SelfReviewCase reviewCase, SelfReviewAnswers answers, string? proxy = null, string? superior = SuperiorName) => new(
        Guid.NewGuid(),
        Guid.NewGuid(),
        Guid.NewGuid(),
        Year: 2022,
        Version: 3,
        SelfReviewStatus.Submitted,
        answers,
        reviewCase,
        CellName,
        superior,
        SubmittedAt: new DateTimeOffset(2022, 11, 20, 3, 0, 0, TimeSpan.Zero),
        MeetingStartsAt: new DateTimeOffset(2022, 11, 25, 1, 0, 0, TimeSpan.Zero),
        proxy);
}
