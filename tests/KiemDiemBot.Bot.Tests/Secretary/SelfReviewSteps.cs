using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Secretary;

/// <summary>A member writing their self-review, through Core's use case as the self-review flow does (the flow is not part of these tests).</summary>
internal static class SelfReviewSteps
{
    /// <summary>Opens the member's review in the current cycle and saves a first answer: the review is in progress.</summary>
    public static Task SaveDraftAsync(IServiceProvider services, Guid memberId) =>
        RunAsync(services, memberId, answers => answers with { Shortcomings = "Đôi khi chưa chủ động." }, submit: false);

    /// <summary>Writes every section a plain member answers and submits (nộp).</summary>
    public static Task SubmitAsync(IServiceProvider services, Guid memberId) =>
        RunAsync(services, memberId, answers => answers with
        {
            Strengths = new Dictionary<StrengthItem, GradedAnswer>
            {
                [StrengthItem.PoliticalQuality] = new("Giữ vững lập trường, chấp hành tốt chủ trương của Đảng.", CriterionGrade.Good),
                [StrengthItem.Duties] = new("Hoàn thành các nhiệm vụ được giao đúng hạn.", CriterionGrade.Good),
                [StrengthItem.Commitment] = new("Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện.", CriterionGrade.Good),
            },
            Shortcomings = "Đôi khi chưa chủ động.",
            Causes = "Khối lượng công việc lớn.",
            Remedy = new GradedAnswer("Đã khắc phục hạn chế năm trước.", CriterionGrade.Good),
            Measures = "Chủ động hơn trong công việc.",
            ProposedLevel = RankingLevel.GoodCompletion,
        }, submit: true);

    private static async Task RunAsync(IServiceProvider services, Guid memberId, Func<SelfReviewAnswers, SelfReviewAnswers> write, bool submit)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var reviews = provider.GetRequiredService<ISelfReviewService>();
        var cycle = await provider.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
        var review = await reviews.OpenAsync(memberId, cycle!.Id, CancellationToken.None);
        var saved = await reviews.SaveAsync(review.ReviewId, review.Version, write(review.Answers), memberId, CancellationToken.None);
        if (submit)
        {
            await reviews.SubmitAsync(saved.ReviewId, saved.Version, memberId, CancellationToken.None);
        }
        await provider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
    }
}
