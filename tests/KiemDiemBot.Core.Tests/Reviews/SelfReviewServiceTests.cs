using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Rules.Ranking;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Reviews;

/// <summary>
/// The self-review use cases on both providers, on the demo organisation (today 20/11/2022; the demo cells
/// meet on 23/11/2022 at 08:00), each member standing for one case.
/// </summary>
public abstract class SelfReviewServiceTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Plain = "phuc.mai@" + DemoOrganisation.EmailDomain;
    private const string CivilServant = "khoa.duong@" + DemoOrganisation.EmailDomain;
    private const string OfficeSecretary = "huong.pham@" + DemoOrganisation.EmailDomain;

    private StorageFixture storage = null!;
    private ReviewHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReviewHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<SelfReviewView> OpenAsync(string email) => await harness.OpenAsync(await harness.MemberIdAsync(email));

    private Task<IReadOnlyList<SelfReviewSection>> MissingAsync(SelfReviewView review) =>
        harness.ReviewsAsync(s => Task.FromResult(s.MissingSections(review)));

    private Task<LevelAdvice> AdviseAsync(SelfReviewView review, SelfReviewAnswers answers) =>
        harness.ReviewsAsync(s => s.AdviseLevelAsync(review.ReviewId, answers, CancellationToken.None));

    private Task<SelfReviewView> SubmitAsync(SelfReviewView review) =>
        harness.ReviewsAsync(s => s.SubmitAsync(review.ReviewId, review.Version, review.MemberId, CancellationToken.None));

    private Task<IReadOnlyList<AuditRecord>> AuditAsync(Guid reviewId) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.SelfReview, reviewId, CancellationToken.None));

    [Fact]
    public async Task OpenAsync_PlainMember_PrefillsTheIdentityFromTheRoster()
    {
        var review = await OpenAsync(Plain);

        Assert.Equal(1, review.Version);
        Assert.Equal(SelfReviewStatus.InProgress, review.Status);
        Assert.Equal(2022, review.Year);
        var identity = review.Answers.Identity!;
        Assert.Equal("Mai Xuân Phúc", identity.FullName);
        Assert.Equal(new DateOnly(1993, 8, 25), identity.DateOfBirth);
        Assert.Null(identity.PartyPost);
        Assert.Equal("Chi bộ Phòng Công nghệ thông tin", identity.CellName);
        Assert.Equal("Chi bộ Phòng Công nghệ thông tin", review.CellName);
        Assert.Equal("Đảng bộ Sở Thông tin và Truyền thông", review.SuperiorName);
        Assert.Equal(ReviewHarness.DemoMeeting, review.MeetingStartsAt);
    }

    [Fact]
    public async Task OpenAsync_PlainMember_AnswersTheMembersItemsAndRanksThemselves()
    {
        var review = await OpenAsync(Plain);

        var @case = review.Case;
        Assert.False(@case.IsLeader);
        Assert.True(@case.IsRanked);
        Assert.False(@case.IsProbationary);
        Assert.False(@case.IsTemporary);
        Assert.False(@case.IsCivilServant);
        Assert.False(@case.HasSuggestions);
        Assert.Equal([StrengthItem.PoliticalQuality, StrengthItem.Duties, StrengthItem.Commitment], @case.StrengthItems);
        Assert.Equal(
            [SelfReviewSection.Identity, SelfReviewSection.Strengths, SelfReviewSection.Shortcomings, SelfReviewSection.Remedy,
             SelfReviewSection.Measures, SelfReviewSection.ProposedLevel],
            @case.Sections);
        Assert.Equal(BodyKind.Cell, Assert.Single(@case.Places).Body.Kind);
    }

    [Fact]
    public async Task OpenAsync_LeaderWithThreePosts_HasTheLeadersItemsPostsAndPlaces()
    {
        var review = await OpenAsync(DemoOrganisation.LeaderEmail);

        Assert.True(review.Case.IsLeader);
        Assert.Equal(6, review.Case.StrengthItems.Count);
        Assert.Contains(SelfReviewSection.CollectiveShare, review.Case.Sections);
        Assert.Equal(
            "Bí thư (Ban Chấp hành Đảng bộ Sở Thông tin và Truyền thông); Ủy viên Ban Chấp hành (Ban Chấp hành Đảng bộ Khối Các cơ quan tỉnh)",
            review.Answers.Identity!.PartyPost);
        Assert.Equal("Thủ trưởng cơ quan, đơn vị (Lãnh đạo Sở Thông tin và Truyền thông)", review.Answers.Identity.GovernmentPost);
        Assert.Equal([BodyKind.Cell, BodyKind.WorkplaceLeadership, BodyKind.Committee], review.Case.Places.Select(p => p.Body.Kind));
        Assert.Equal(CommitteeTier.SuperiorCommittee, review.Case.Places[2].Body.Tier);
    }

    [Fact]
    public async Task OpenAsync_ProbationaryMember_IsRankedAndMarkedProbationary()
    {
        var review = await OpenAsync(DemoOrganisation.ProbationaryEmail);

        Assert.True(review.Case.IsProbationary);
        Assert.True(review.Case.IsRanked);
        Assert.Contains(SelfReviewSection.ProposedLevel, review.Case.Sections);
    }

    [Fact]
    public async Task OpenAsync_AdmittedUnderSixMonths_HasNoRankingSection()
    {
        var review = await OpenAsync(DemoOrganisation.NewMemberEmail);

        Assert.False(review.Case.IsRanked);
        Assert.DoesNotContain(SelfReviewSection.ProposedLevel, review.Case.Sections);
    }

    [Fact]
    public async Task OpenAsync_TemporaryMember_IsMarkedTemporary()
    {
        var review = await OpenAsync(DemoOrganisation.TemporaryMemberEmail);

        Assert.True(review.Case.IsTemporary);
        Assert.Equal("Chi bộ Văn phòng Sở", review.CellName);
    }

    [Fact]
    public async Task OpenAsync_CivilServant_MustAlsoProposeTheCivilServantLevel()
    {
        var review = await OpenAsync(CivilServant);
        var answers = ReviewHarness.Complete(review) with { ProposedCivilServantLevel = null };

        var saved = await harness.SaveAsync(review, answers);

        Assert.True(review.Case.IsCivilServant);
        Assert.Equal([SelfReviewSection.ProposedLevel], await MissingAsync(saved));
    }

    [Fact]
    public async Task OpenAsync_MemberWithReviewSuggestions_MustExplainThem()
    {
        var memberId = await harness.MemberIdAsync(Plain);
        await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewSuggestionService>().AddAsync(
            harness.CycleId, memberId, "Làm rõ việc chậm triển khai phần mềm một cửa.", "bi.thu@khoi.gov.vn", CancellationToken.None));

        var review = await harness.OpenAsync(memberId);

        Assert.True(review.Case.HasSuggestions);
        Assert.Contains(SelfReviewSection.Explanations, review.Case.Sections);
        Assert.Contains(SelfReviewSection.Explanations, await MissingAsync(review));
    }

    [Fact]
    public async Task OpenAsync_Again_ReturnsTheSameReview()
    {
        var first = await OpenAsync(Plain);
        var saved = await harness.SaveAsync(first, ReviewHarness.Complete(first));

        var again = await OpenAsync(Plain);

        Assert.Equal(first.ReviewId, again.ReviewId);
        Assert.Equal(saved.Version, again.Version);
        Assert.Equal(saved.Answers.Measures, again.Answers.Measures);
    }

    [Fact]
    public async Task SaveAsync_EverySave_IsKeptAsARevisionWithWhoSavedIt()
    {
        var review = await OpenAsync(Plain);
        var first = await harness.SaveAsync(review, review.Answers with { Shortcomings = "Lần một" });

        await harness.SaveAsync(first, first.Answers with { Shortcomings = "Lần hai" });

        var revisions = await harness.InScopeAsync(sp => sp.GetRequiredService<KiemDiemDbContext>().SelfReviewRevisions
            .Where(r => r.ReviewId == review.ReviewId).OrderBy(r => r.Version).ToListAsync());
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Version));
        Assert.All(revisions, r => Assert.Equal(review.MemberId, r.SavedByMemberId));
        Assert.Contains("Lần một", revisions[1].AnswersJson, StringComparison.Ordinal);
        Assert.Contains("Lần hai", revisions[2].AnswersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_TwoSavesOnTheSameVersion_OneWinsTheOtherIsAConcurrentChange()
    {
        var review = await OpenAsync(Plain);
        await using var first = storage.CreateScope();
        await using var second = storage.CreateScope();
        await first.ServiceProvider.GetRequiredService<ISelfReviewService>().SaveAsync(
            review.ReviewId, review.Version, review.Answers with { Measures = "Từ thẻ thứ nhất" }, review.MemberId, CancellationToken.None);
        await second.ServiceProvider.GetRequiredService<ISelfReviewService>().SaveAsync(
            review.ReviewId, review.Version, review.Answers with { Measures = "Từ thẻ thứ hai" }, review.MemberId, CancellationToken.None);

        await first.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() =>
            second.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None));

        var stored = await harness.ReviewsAsync(s => s.GetAsync(review.ReviewId, CancellationToken.None));
        Assert.Equal("Từ thẻ thứ nhất", stored!.Answers.Measures);
        Assert.Equal(review.Version + 1, stored.Version);
    }

    [Fact]
    public async Task OpenAsync_TwoUnitsOfWorkCreateTheSameReview_TheSecondIsAConcurrentChangeAndThenFindsTheFirst()
    {
        var memberId = await harness.MemberIdAsync(Plain);
        await using var first = storage.CreateScope();
        await using var second = storage.CreateScope();
        await first.ServiceProvider.GetRequiredService<ISelfReviewService>().OpenAsync(memberId, harness.CycleId, CancellationToken.None);
        await second.ServiceProvider.GetRequiredService<ISelfReviewService>().OpenAsync(memberId, harness.CycleId, CancellationToken.None);

        await first.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() =>
            second.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None));

        var again = await harness.OpenAsync(memberId);
        Assert.Equal(1, again.Version);
    }

    [Fact]
    public async Task SaveAsync_BasedOnAnOlderVersion_IsAConcurrentChange()
    {
        var review = await OpenAsync(Plain);
        await harness.SaveAsync(review, review.Answers with { Measures = "Mới hơn" });

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => harness.SaveAsync(review, review.Answers with { Measures = "Cũ" }));

        var stored = await harness.ReviewsAsync(s => s.GetAsync(review.ReviewId, CancellationToken.None));
        Assert.Equal("Mới hơn", stored!.Answers.Measures);
    }

    [Fact]
    public async Task SaveAsync_OnceTheMeetingStarted_IsRefusedAndTheReviewIsLocked()
    {
        var review = await OpenAsync(Plain);
        storage.Clock.SetUtcNow(ReviewHarness.DemoMeeting);

        var refused = await Assert.ThrowsAsync<SelfReviewLockedException>(() =>
            harness.SaveAsync(review, review.Answers with { Measures = "Sửa sau giờ họp" }));

        Assert.Contains("đã khóa", refused.Message, StringComparison.Ordinal);
        Assert.Contains("08:00 ngày 23/11/2022", refused.Message, StringComparison.Ordinal);
        var stored = await harness.ReviewsAsync(s => s.GetAsync(review.ReviewId, CancellationToken.None));
        Assert.Equal(SelfReviewStatus.Locked, stored!.Status);
        Assert.Null(stored.Answers.Measures);
    }

    [Fact]
    public async Task SaveAsync_JustBeforeTheMeeting_IsAllowed()
    {
        var review = await OpenAsync(Plain);
        storage.Clock.SetUtcNow(ReviewHarness.DemoMeeting.AddMinutes(-1));

        var saved = await harness.SaveAsync(review, review.Answers with { Measures = "Kịp giờ" });

        Assert.Equal(SelfReviewStatus.InProgress, saved.Status);
        Assert.Equal("Kịp giờ", saved.Answers.Measures);
    }

    [Fact]
    public async Task UnlockAsync_AfterTheMeetingStarted_IsAuditedAndAllowsEdits()
    {
        var review = await OpenAsync(Plain);
        var secretaryId = await harness.MemberIdAsync(OfficeSecretary);
        storage.Clock.SetUtcNow(ReviewHarness.DemoMeeting.AddHours(1));

        var unlocked = await harness.ReviewsAsync(s => s.UnlockAsync(review.ReviewId, secretaryId, "Đồng chí bổ sung theo ý kiến chi bộ", CancellationToken.None));
        var saved = await harness.SaveAsync(unlocked, unlocked.Answers with { Measures = "Bổ sung sau khi mở khóa" });

        Assert.Equal(SelfReviewStatus.InProgress, unlocked.Status);
        Assert.Equal("Bổ sung sau khi mở khóa", saved.Answers.Measures);
        var entry = Assert.Single(await AuditAsync(review.ReviewId));
        Assert.Equal(AuditFields.SelfReviewUnlocked, entry.Field);
        Assert.Equal(secretaryId.ToString(), entry.Actor);
        Assert.Equal("Đồng chí bổ sung theo ý kiến chi bộ", entry.Reason);
        Assert.Equal(storage.Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task UnlockAsync_BeforeTheMeeting_DoesNotKeepItOpenAfterTheMeetingStarts()
    {
        var review = await OpenAsync(Plain);
        var secretaryId = await harness.MemberIdAsync(OfficeSecretary);
        await harness.ReviewsAsync(s => s.UnlockAsync(review.ReviewId, secretaryId, "Mở trước", CancellationToken.None));
        storage.Clock.SetUtcNow(ReviewHarness.DemoMeeting);

        await Assert.ThrowsAsync<SelfReviewLockedException>(() => harness.SaveAsync(review, review.Answers with { Measures = "Sửa" }));
    }

    [Fact]
    public async Task UnlockAsync_WithoutReason_IsRefused()
    {
        var review = await OpenAsync(Plain);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.ReviewsAsync(s => s.UnlockAsync(review.ReviewId, review.MemberId, " ", CancellationToken.None)));
    }

    [Fact]
    public async Task SaveAsync_AfterTheMeeting_AcceptedConclusionsOnly_IsAllowed()
    {
        var review = await OpenAsync(Plain);
        var submitted = await SubmitAsync(await harness.SaveAsync(review, ReviewHarness.Complete(review)));
        storage.Clock.SetUtcNow(ReviewHarness.DemoMeeting.AddHours(4));

        var completed = await harness.SaveAsync(submitted, submitted.Answers with { AcceptedConclusions = "Tiếp thu ý kiến của chi bộ về tác phong." });

        Assert.Equal("Tiếp thu ý kiến của chi bộ về tác phong.", completed.Answers.AcceptedConclusions);
        Assert.Equal(SelfReviewStatus.Locked, completed.Status);
        await Assert.ThrowsAsync<SelfReviewLockedException>(() =>
            harness.SaveAsync(completed, completed.Answers with { AcceptedConclusions = "Sửa lại", Measures = "Sửa cả biện pháp" }));
    }

    [Fact]
    public async Task SaveAsync_TextOverTheLimit_IsRejectedNamingTheSectionAndTheLimit()
    {
        var review = await OpenAsync(Plain);

        var rejected = await Assert.ThrowsAsync<SelfReviewAnswerRejectedException>(() =>
            harness.SaveAsync(review, review.Answers with { Causes = new string('a', SelfReviewAnswers.MaxTextLength + 1) }));

        Assert.Equal(SelfReviewSection.Shortcomings, rejected.Section);
        Assert.Contains("4001", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("4000", rejected.Message, StringComparison.Ordinal);
        var saved = await harness.SaveAsync(review, review.Answers with { Causes = new string('a', SelfReviewAnswers.MaxTextLength) });
        Assert.Equal(SelfReviewAnswers.MaxTextLength, saved.Answers.Causes!.Length);
    }

    [Fact]
    public async Task SaveAsync_DisciplinedMemberAboveNonCompletion_IsRejectedWithTheReason()
    {
        var review = await OpenAsync(DemoOrganisation.DisciplinedMemberEmail);

        var rejected = await Assert.ThrowsAsync<SelfReviewAnswerRejectedException>(() =>
            harness.SaveAsync(review, review.Answers with { ProposedLevel = RankingLevel.Completion }));

        Assert.Equal(SelfReviewSection.ProposedLevel, rejected.Section);
        Assert.Contains("Hoàn thành nhiệm vụ", rejected.Message, StringComparison.Ordinal);
        var saved = await harness.SaveAsync(review, review.Answers with { ProposedLevel = RankingLevel.NonCompletion });
        Assert.Equal(RankingLevel.NonCompletion, saved.Answers.ProposedLevel);
    }

    [Fact]
    public async Task SaveAsync_BySecretary_IsMarkedAsEnteredByProxyAndAudited()
    {
        var memberId = await harness.MemberIdAsync("nam.hoang@" + DemoOrganisation.EmailDomain);
        var secretaryId = await harness.MemberIdAsync(OfficeSecretary);
        var review = await harness.OpenAsync(memberId);

        var saved = await harness.SaveAsync(review, ReviewHarness.Complete(review), secretaryId);

        Assert.Equal("Phạm Thị Hương", saved.EnteredByProxy);
        var entry = Assert.Single(await AuditAsync(review.ReviewId));
        Assert.Equal(AuditFields.SelfReviewProxyEntry, entry.Field);
        Assert.Equal(secretaryId.ToString(), entry.Actor);
        var byMember = await harness.SaveAsync(saved, saved.Answers with { Measures = "Tự sửa" });
        Assert.Null(byMember.EnteredByProxy);
    }

    [Theory]
    [InlineData(CriterionGrade.Excellent, CriterionGrade.Good, RankingLevel.ExcellentCompletion)]
    [InlineData(CriterionGrade.Good, CriterionGrade.Good, RankingLevel.GoodCompletion)]
    [InlineData(CriterionGrade.Excellent, CriterionGrade.Average, RankingLevel.Completion)]
    [InlineData(CriterionGrade.Good, CriterionGrade.Poor, RankingLevel.NonCompletion)]
    public async Task AdviseLevelAsync_Grades_SuggestTheLevelWithTheReason(CriterionGrade duties, CriterionGrade others, RankingLevel expected)
    {
        var review = await OpenAsync(Plain);
        var answers = ReviewHarness.Complete(review, others) with
        {
            Strengths = new Dictionary<StrengthItem, GradedAnswer>
            {
                [StrengthItem.PoliticalQuality] = new("Tư tưởng vững vàng", others),
                [StrengthItem.Duties] = new("Hoàn thành công việc", duties),
                [StrengthItem.Commitment] = new("Thực hiện cam kết", CriterionGrade.Good),
            },
        };

        var advice = await AdviseAsync(review, answers);

        Assert.Equal(expected, advice.Suggestion.Level);
        Assert.False(string.IsNullOrWhiteSpace(advice.Suggestion.Reason.Text));
        Assert.Empty(advice.Caps);
        Assert.Equal(RankingLevels.TopDown, advice.Allowed);
    }

    [Fact]
    public async Task AdviseLevelAsync_LeaderExcellentInPoliticalTasks_SuggestsExcellence()
    {
        var review = await OpenAsync(DemoOrganisation.LeaderEmail);
        var answers = ReviewHarness.Complete(review) with
        {
            Strengths = review.Case.StrengthItems.ToDictionary(
                item => item,
                item => new GradedAnswer("Kết quả", item is StrengthItem.Duties or StrengthItem.Leadership ? CriterionGrade.Excellent : CriterionGrade.Good)),
        };

        var advice = await AdviseAsync(review, answers);

        Assert.Equal(RankingLevel.ExcellentCompletion, advice.Suggestion.Level);
    }

    [Fact]
    public async Task AdviseLevelAsync_DisciplinedMember_AllowsOnlyNonCompletionAndSaysWhy()
    {
        var review = await OpenAsync(DemoOrganisation.DisciplinedMemberEmail);

        var advice = await AdviseAsync(review, ReviewHarness.Complete(review, CriterionGrade.Excellent));

        Assert.Equal(RankingLevel.ExcellentCompletion, advice.Suggestion.Level);
        Assert.Equal([RankingLevel.NonCompletion], advice.Allowed);
        var cap = Assert.Single(advice.Caps);
        Assert.Equal(RankingLevel.NonCompletion, cap.Ceiling);
        Assert.Equal(RuleReasonCode.CapDisciplinedInYear, cap.Reason.Code);
    }

    [Fact]
    public async Task AdviseLevelAsync_LongSickLeave_AllowsCompletionAndBelow()
    {
        var review = await OpenAsync(DemoOrganisation.SickLeaveMemberEmail);

        var advice = await AdviseAsync(review, ReviewHarness.Complete(review));

        Assert.Equal(RankingLevel.GoodCompletion, advice.Suggestion.Level);
        Assert.Equal([RankingLevel.Completion, RankingLevel.NonCompletion], advice.Allowed);
        Assert.Equal(RuleReasonCode.CapSickLeave, Assert.Single(advice.Caps).Reason.Code);
    }

    [Fact]
    public async Task AdviseLevelAsync_NothingGradedYet_NamesSectionOne()
    {
        var review = await OpenAsync(Plain);

        var incomplete = await Assert.ThrowsAsync<SelfReviewIncompleteException>(() => AdviseAsync(review, review.Answers));

        Assert.Equal([SelfReviewSection.Strengths], incomplete.Missing);
    }

    [Fact]
    public async Task MissingSections_NewLeadersReview_ListsEveryRequiredSectionButTheIdentity()
    {
        var review = await OpenAsync(DemoOrganisation.LeaderEmail);

        Assert.Equal(
            [SelfReviewSection.Strengths, SelfReviewSection.Shortcomings, SelfReviewSection.Remedy, SelfReviewSection.CollectiveShare,
             SelfReviewSection.Measures, SelfReviewSection.ProposedLevel],
            await MissingAsync(review));
    }

    [Fact]
    public async Task MissingSections_GradeWithoutTextOrNameCleared_AreMissing()
    {
        var review = await OpenAsync(DemoOrganisation.NewMemberEmail);
        var complete = ReviewHarness.Complete(review);
        var answers = complete with
        {
            Identity = complete.Identity! with { FullName = " " },
            Remedy = new GradedAnswer("", CriterionGrade.Good),
        };

        var saved = await harness.SaveAsync(review, answers);

        Assert.Equal([SelfReviewSection.Identity, SelfReviewSection.Remedy], await MissingAsync(saved));
        Assert.Empty(await MissingAsync(await harness.SaveAsync(saved, complete)));
    }

    [Fact]
    public async Task SubmitAsync_Incomplete_IsRefusedNamingTheMissingSections()
    {
        var review = await OpenAsync(Plain);
        var saved = await harness.SaveAsync(review, ReviewHarness.Complete(review) with { Measures = null, Causes = "" });

        var refused = await Assert.ThrowsAsync<SelfReviewIncompleteException>(() => SubmitAsync(saved));

        Assert.Equal([SelfReviewSection.Shortcomings, SelfReviewSection.Measures], refused.Missing);
        Assert.Contains("II. Hạn chế, khuyết điểm và nguyên nhân", refused.Message, StringComparison.Ordinal);
        Assert.Contains("VI. Phương hướng, biện pháp khắc phục", refused.Message, StringComparison.Ordinal);
        var stored = await harness.ReviewsAsync(s => s.GetAsync(review.ReviewId, CancellationToken.None));
        Assert.Equal(SelfReviewStatus.InProgress, stored!.Status);
    }

    [Fact]
    public async Task SubmitAsync_Complete_IsSubmittedAndStaysSubmittedAfterAnEdit()
    {
        var review = await OpenAsync(Plain);
        var saved = await harness.SaveAsync(review, ReviewHarness.Complete(review));

        var submitted = await SubmitAsync(saved);
        var edited = await harness.SaveAsync(submitted, submitted.Answers with { Measures = "Sửa sau khi nộp" });

        Assert.Equal(SelfReviewStatus.Submitted, submitted.Status);
        Assert.Equal(storage.Clock.GetUtcNow(), submitted.SubmittedAt);
        Assert.Equal(SelfReviewStatus.Submitted, edited.Status);
        Assert.Equal("Sửa sau khi nộp", edited.Answers.Measures);
    }

    [Fact]
    public async Task SubmitAsync_AfterTheMeetingStarted_IsRefused()
    {
        var review = await OpenAsync(Plain);
        var saved = await harness.SaveAsync(review, ReviewHarness.Complete(review));
        storage.Clock.SetUtcNow(ReviewHarness.DemoMeeting.AddMinutes(5));

        await Assert.ThrowsAsync<SelfReviewLockedException>(() => SubmitAsync(saved));
    }

    [Fact]
    public async Task FindAsync_NoReviewYet_IsNull()
    {
        var memberId = await harness.MemberIdAsync(Plain);

        var found = await harness.ReviewsAsync(s => s.FindAsync(memberId, harness.CycleId, CancellationToken.None));

        Assert.Null(found);
    }

    [Fact]
    public async Task OpenAsync_WithoutCommit_StoresNothing()
    {
        var memberId = await harness.MemberIdAsync(Plain);
        await using (var scope = storage.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISelfReviewService>().OpenAsync(memberId, harness.CycleId, CancellationToken.None);
        }

        var found = await harness.ReviewsAsync(s => s.FindAsync(memberId, harness.CycleId, CancellationToken.None));

        Assert.Null(found);
    }
}

public sealed class SqliteSelfReviewServiceTests() : SelfReviewServiceTests(StorageProvider.Sqlite);

public sealed class PostgresSelfReviewServiceTests() : SelfReviewServiceTests(StorageProvider.PostgreSQL);
