using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KiemDiemBot.Core.Tests.Reminders.ReminderHarness;

namespace KiemDiemBot.Core.Tests.Reminders;

/// <summary>Who the occasions reach and what they say is missing, and the secretary's pauses, on both providers.</summary>
public abstract class ReminderAudienceTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private ReminderHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReminderHarness.CreateAsync(storage, 2026, new DateTime(2026, 11, 2, 9, 0, 0));
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private Task<T> AudienceAsync<T>(Func<IReminderAudience, Task<T>> action) =>
        harness.InScopeAsync(sp => action(sp.GetRequiredService<IReminderAudience>()));

    private Task<bool> PauseAsync(Guid memberId, bool paused) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<IReminderPauses>().SetPausedAsync(harness.CycleId, memberId, paused, harness.SecretaryId, CancellationToken.None));

    [Fact]
    public async Task MembersToRemindAsync_NobodySubmitted_TheCellsOwnMembersByName()
    {
        var members = await AudienceAsync(a => a.MembersToRemindAsync(harness.CycleId, harness.OfficeCellId, CancellationToken.None));

        Assert.Equal(["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"], members.Select(m => m.FullName));
    }

    [Fact]
    public async Task MembersToRemindAsync_MemberSubmitted_LeftOutWhileTheOneStillWritingIsReminded()
    {
        var reviews = (Func<ISelfReviewService, Task<SelfReviewView>> action) =>
            harness.InScopeAsync(sp => action(sp.GetRequiredService<ISelfReviewService>()));
        var first = await reviews(s => s.OpenAsync(harness.FirstMemberId, harness.CycleId, CancellationToken.None));
        var saved = await reviews(s => s.SaveAsync(first.ReviewId, first.Version, Reviews.ReviewHarness.Complete(first), harness.FirstMemberId, CancellationToken.None));
        await reviews(s => s.SubmitAsync(saved.ReviewId, saved.Version, harness.FirstMemberId, CancellationToken.None));
        await reviews(s => s.OpenAsync(harness.SecondMemberId, harness.CycleId, CancellationToken.None));

        var members = await AudienceAsync(a => a.MembersToRemindAsync(harness.CycleId, harness.OfficeCellId, CancellationToken.None));

        Assert.Equal([(harness.SecondMemberId, SelfReviewStatus.InProgress), (harness.SecretaryId, SelfReviewStatus.NotStarted)],
            members.Select(m => (m.MemberId, m.Status)));
    }

    [Fact]
    public async Task MembersToRemindAsync_MemberPaused_LeftOutUntilResumed()
    {
        var paused = await PauseAsync(harness.FirstMemberId, paused: true);
        var pausedAgain = await PauseAsync(harness.FirstMemberId, paused: true);
        var whilePaused = await AudienceAsync(a => a.MembersToRemindAsync(harness.CycleId, harness.OfficeCellId, CancellationToken.None));
        var found = await harness.InScopeAsync(sp => sp.GetRequiredService<IReminderPauses>().FindPausedAsync(
            harness.CycleId, [harness.FirstMemberId, harness.SecondMemberId], CancellationToken.None));
        var resumed = await PauseAsync(harness.FirstMemberId, paused: false);
        var afterResume = await AudienceAsync(a => a.MembersToRemindAsync(harness.CycleId, harness.OfficeCellId, CancellationToken.None));

        Assert.True(paused);
        Assert.False(pausedAgain);
        Assert.DoesNotContain(whilePaused, m => m.MemberId == harness.FirstMemberId);
        Assert.Equal(2, whilePaused.Count);
        Assert.Equal([harness.FirstMemberId], found);
        Assert.True(resumed);
        Assert.Contains(afterResume, m => m.MemberId == harness.FirstMemberId);
        var audit = await harness.InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Member, harness.FirstMemberId, CancellationToken.None));
        Assert.Equal([("false", "true"), ("true", "false")], audit.Where(e => e.Field == AuditFields.ReminderPaused).Select(e => (e.From, e.To)));
        Assert.All(audit, e => Assert.Equal(harness.SecretaryId.ToString(), e.Actor));
    }

    [Fact]
    public async Task MembersToRemindAsync_AnotherCyclesPause_DoesNotCount()
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var otherCycle = await scope.ServiceProvider.GetRequiredService<IReviewCycleService>().CreateAsync(2027, Core.Rules.RuleSetCatalog.Codes[0], "test", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IReminderPauses>().SetPausedAsync(otherCycle.Id, harness.FirstMemberId, true, harness.SecretaryId, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);

        var members = await AudienceAsync(a => a.MembersToRemindAsync(harness.CycleId, harness.OfficeCellId, CancellationToken.None));

        Assert.Contains(members, m => m.MemberId == harness.FirstMemberId);
        Assert.Equal(1, await db.ReminderPauses.CountAsync());
    }

    [Fact]
    public async Task SecretariesAsync_CellWithASecretary_ThatMemberAndNoneForTheCommitteeWithout()
    {
        var cell = await AudienceAsync(a => a.SecretariesAsync(harness.OfficeCellId, CancellationToken.None));
        var committee = await AudienceAsync(a => a.SecretariesAsync(harness.CommitteeId, CancellationToken.None));

        Assert.Equal([harness.SecretaryId], cell);
        Assert.Empty(committee);
    }

    [Fact]
    public async Task MissingForDeadlineAsync_CellReview_NoMeetingAndTheSelfReviewsOwed()
    {
        var lines = await AudienceAsync(a => a.MissingForDeadlineAsync(harness.CycleId, harness.OfficeCellId, DeadlineKind.CellReview, CancellationToken.None));

        Assert.Equal(["Chưa đặt lịch họp kiểm điểm của Chi bộ Văn phòng.", "3 đảng viên chưa nộp bản tự kiểm điểm."], lines);
    }

    [Fact]
    public async Task MissingForDeadlineAsync_CommitteeReview_CellsNotMetThenCellsNotRanked()
    {
        await harness.SetMeetingAsync(harness.OfficeCellId, Local(2026, 11, 19, 14));
        harness.SetLocalNow(new DateTime(2026, 12, 3, 9, 0, 0));

        var lines = await AudienceAsync(a => a.MissingForDeadlineAsync(harness.CycleId, harness.CommitteeId, DeadlineKind.GrassrootsCommitteeReview, CancellationToken.None));

        Assert.Equal(
            [
                "Chưa đặt lịch họp kiểm điểm của Đảng bộ Sở Tài chính.",
                "Chi bộ Kế toán chưa họp kiểm điểm.",
                "Chi bộ Văn phòng đã họp nhưng chưa có quyết định xếp loại chất lượng tổ chức đảng.",
            ],
            lines);
    }

    [Fact]
    public async Task MissingForDeadlineAsync_ReportsUp_MembersWithoutADecision()
    {
        var lines = await AudienceAsync(a => a.MissingForDeadlineAsync(harness.CycleId, harness.CommitteeId, DeadlineKind.ReportsUp, CancellationToken.None));

        Assert.Contains("4 đảng viên chưa có quyết định xếp loại chất lượng.", lines);
    }

    [Theory]
    [InlineData(DeadlineKind.PartyBuildingReport)]
    [InlineData(DeadlineKind.SummaryConference)]
    public async Task MissingForDeadlineAsync_NewKindsTheBotDoesNotTrack_SaysSoHonestly(DeadlineKind kind)
    {
        var lines = await AudienceAsync(a => a.MissingForDeadlineAsync(harness.CycleId, harness.CommitteeId, kind, CancellationToken.None));

        Assert.Equal(["Việc này không được theo dõi trên bot; đồng chí vui lòng tự kiểm tra và hoàn thành đúng hạn."], lines);
    }
}

public sealed class SqliteReminderAudienceTests() : ReminderAudienceTests(StorageProvider.Sqlite);

public sealed class PostgresReminderAudienceTests() : ReminderAudienceTests(StorageProvider.PostgreSQL);
