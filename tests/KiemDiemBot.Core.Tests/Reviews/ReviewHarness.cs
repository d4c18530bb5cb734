using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Reviews;

/// <summary>
/// The demo organisation with its open cycle (the fixture's today is Sunday 20/11/2022, so the demo cells
/// meet on Wednesday 23/11/2022 at 08:00), and each use case in a unit of work of its own, committed.
/// </summary>
internal sealed class ReviewHarness(StorageFixture storage)
{
    /// <summary>When the demo cells' meetings start: 08:00 on 23/11/2022 in Asia/Ho_Chi_Minh (in UTC, as a clock gives it).</summary>
    public static readonly DateTimeOffset DemoMeeting = new DateTimeOffset(2022, 11, 23, 8, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public StorageFixture Storage => storage;

    public Guid CycleId { get; private set; }

    public static async Task<ReviewHarness> CreateAsync(StorageFixture storage)
    {
        var harness = new ReviewHarness(storage);
        await harness.InScopeAsync(sp => sp.GetRequiredService<IDemoOrganisationSeeder>().SeedAsync(CancellationToken.None));
        var cycle = await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None));
        harness.CycleId = cycle!.Id;
        return harness;
    }

    /// <summary>Runs one unit of work and commits it, as a turn does.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        var result = await action(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    public Task<T> ReviewsAsync<T>(Func<ISelfReviewService, Task<T>> action) =>
        InScopeAsync(sp => action(sp.GetRequiredService<ISelfReviewService>()));

    public async Task<Guid> MemberIdAsync(string email)
    {
        var member = await InScopeAsync(sp => sp.GetRequiredService<IRosterDirectory>().FindByEmailAsync(email, CancellationToken.None));
        return member!.Id;
    }

    public Task<Guid> MemberIdByCodeAsync(string code) =>
        InScopeAsync(sp => sp.GetRequiredService<KiemDiemDbContext>().Members.Where(m => m.Code == code).Select(m => m.Id).SingleAsync());

    public Task<Guid> OrganisationIdAsync(string code) =>
        InScopeAsync(sp => sp.GetRequiredService<KiemDiemDbContext>().Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    public Task<SelfReviewView> OpenAsync(Guid memberId) =>
        ReviewsAsync(s => s.OpenAsync(memberId, CycleId, CancellationToken.None));

    public Task<SelfReviewView> SaveAsync(SelfReviewView review, SelfReviewAnswers answers, Guid? actor = null) =>
        ReviewsAsync(s => s.SaveAsync(review.ReviewId, review.Version, answers, actor ?? review.MemberId, CancellationToken.None));

    public Task<IReadOnlyList<MeetingDateWarning>> SetMeetingAsync(string cellCode, DateTimeOffset startsAt) =>
        InScopeAsync(async sp =>
        {
            var cellId = await sp.GetRequiredService<KiemDiemDbContext>().Organisations.Where(o => o.Code == cellCode).Select(o => o.Id).SingleAsync();
            return await sp.GetRequiredService<IReviewMeetingCalendar>().SetMeetingAsync(CycleId, cellId, startsAt, Guid.NewGuid(), CancellationToken.None);
        });

    /// <summary>Every answer the member's case asks for, each item graded <paramref name="grade"/>.</summary>
    public static SelfReviewAnswers Complete(SelfReviewView review, CriterionGrade grade = CriterionGrade.Good, RankingLevel level = RankingLevel.Completion) =>
        review.Answers with
        {
            Strengths = review.Case.StrengthItems.ToDictionary(item => item, item => new GradedAnswer("Kết quả mục " + (int)item, grade)),
            Shortcomings = "Có lúc chưa sâu sát cơ sở.",
            Causes = "Khối lượng công việc lớn.",
            Remedy = new GradedAnswer("Đã khắc phục các hạn chế năm trước.", grade),
            Explanations = review.Case.HasSuggestions ? "Giải trình các vấn đề được gợi ý." : null,
            CollectiveShare = review.Case.IsLeader ? "Chịu trách nhiệm phần việc được phân công." : null,
            Measures = "Tăng cường kiểm tra, đôn đốc.",
            ProposedLevel = review.Case.IsRanked ? level : null,
            ProposedCivilServantLevel = review.Case.IsRanked && review.Case.IsCivilServant ? level : null,
        };
}
