using KiemDiemBot.Dialogs.SelfReviews;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>How a test member answers each step of the self-review.</summary>
public static class TestAnswers
{
    public const string StrengthText = "Chấp hành nghiêm chủ trương, đường lối của Đảng; hoàn thành công việc được giao.";
    public const string ShortcomingsText = "Có lúc còn chậm trong việc cập nhật văn bản mới.";
    public const string CausesText = "Khối lượng công việc lớn, chưa sắp xếp thời gian hợp lý.";
    public const string RemedyText = "Đã khắc phục việc chậm báo cáo được chỉ ra năm trước.";
    public const string MeasuresText = "Sắp xếp thời gian tự học, cập nhật văn bản hằng tuần.";
    public const string ExplanationsText = "Việc chậm hồ sơ do thiếu người, đã bổ sung.";
    public const string CollectiveShareText = "Chịu trách nhiệm người đứng đầu về việc chậm tiến độ.";

    /// <summary>Every grade Tốt, the first level offered.</summary>
    public static (string Id, string Value)[] Good(ReviewCard card) => With(card, "Good");

    /// <summary>Every grade <paramref name="grade"/> (Excellent, Good, Average, Poor), the first level offered.</summary>
    public static Func<ReviewCard, (string Id, string Value)[]> Graded(string grade) => card => With(card, grade);

    /// <summary>Duties graded Xuất sắc and the rest Tốt: what HTXSNV needs.</summary>
    public static (string Id, string Value)[] Excellent(ReviewCard card) =>
        card.Step == SelfReviewFlow.StrengthStep(Core.Reviews.StrengthItem.Duties) || card.Step == SelfReviewFlow.StrengthStep(Core.Reviews.StrengthItem.Leadership)
            ? With(card, "Excellent")
            : With(card, "Good");

    private static (string Id, string Value)[] With(ReviewCard card, string grade) => card.Step switch
    {
        SelfReviewFlow.IdentityStep => [],
        SelfReviewFlow.ShortcomingsStep => [(SelfReviewFlow.ShortcomingsInput, ShortcomingsText), (SelfReviewFlow.CausesInput, CausesText)],
        SelfReviewFlow.RemedyStep => [(SelfReviewFlow.TextInput, RemedyText), (SelfReviewFlow.GradeInput, grade)],
        SelfReviewFlow.ExplanationsStep => [(SelfReviewFlow.TextInput, ExplanationsText)],
        SelfReviewFlow.CollectiveShareStep => [(SelfReviewFlow.TextInput, CollectiveShareText)],
        SelfReviewFlow.MeasuresStep => [(SelfReviewFlow.TextInput, MeasuresText)],
        SelfReviewFlow.LevelStep => Level(card),
        { } step when step.StartsWith("strength-", StringComparison.Ordinal) => [(SelfReviewFlow.TextInput, StrengthText), (SelfReviewFlow.GradeInput, grade)],
        _ => throw new InvalidOperationException($"No answer for step '{card.Step}'."),
    };

    private static (string Id, string Value)[] Level(ReviewCard card)
    {
        var answers = new List<(string, string)> { (SelfReviewFlow.PartyLevelInput, card.ChoicesOf(SelfReviewFlow.PartyLevelInput)[0]) };
        if (card.Inputs.Any(input => input["id"]?.GetValue<string>() == SelfReviewFlow.CivilServantLevelInput))
        {
            answers.Add((SelfReviewFlow.CivilServantLevelInput, "GoodCompletion"));
        }
        return [.. answers];
    }
}
