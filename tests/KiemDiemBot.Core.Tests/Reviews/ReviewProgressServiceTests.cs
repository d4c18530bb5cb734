using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Reviews;

/// <summary>The secretary's progress view of a demo cell on both providers: statuses, comments, who the bot can reach.</summary>
public abstract class ReviewProgressServiceTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Nam = "nam.hoang@" + DemoOrganisation.EmailDomain;

    private StorageFixture storage = null!;
    private ReviewHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReviewHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<CellProgressView> ProgressAsync(string cellCode)
    {
        var cellId = await harness.OrganisationIdAsync(cellCode);
        return await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewProgressService>().GetCellProgressAsync(cellId, harness.CycleId, CancellationToken.None));
    }

    private Task<bool> MarkAsync(Guid memberId, ReviewCommentKind kind, bool received, Guid secretaryId) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<IReviewProgressService>().MarkCommentAsync(memberId, kind, received, secretaryId, CancellationToken.None));

    private static MemberProgress Line(CellProgressView progress, string fullName) =>
        Assert.Single(progress.Members, m => m.FullName == fullName);

    private async Task<SelfReviewView> SubmitCompleteAsync(string email)
    {
        var review = await harness.OpenAsync(await harness.MemberIdAsync(email));
        var saved = await harness.SaveAsync(review, ReviewHarness.Complete(review));
        return await harness.ReviewsAsync(s => s.SubmitAsync(saved.ReviewId, saved.Version, saved.MemberId, CancellationToken.None));
    }

    [Fact]
    public async Task GetCellProgressAsync_MembersAtEachStage_ShowNotStartedInProgressAndSubmitted()
    {
        await harness.OpenAsync(await harness.MemberIdAsync(DemoOrganisation.LeaderEmail));
        await SubmitCompleteAsync(DemoOrganisation.ProbationaryEmail);

        var progress = await ProgressAsync(DemoOrganisation.OfficeCellCode);

        Assert.Equal("Chi bộ Văn phòng Sở", progress.CellName);
        Assert.Equal(2022, progress.Year);
        Assert.Equal(7, progress.Members.Count);
        Assert.Equal(SelfReviewStatus.InProgress, Line(progress, "Nguyễn Văn Hùng").Status);
        Assert.Equal(SelfReviewStatus.Submitted, Line(progress, "Đỗ Thị Thu Trang").Status);
        Assert.Equal(SelfReviewStatus.NotStarted, Line(progress, "Hoàng Văn Nam").Status);
        Assert.Equal(progress.Members.Select(m => m.FullName).Order(StringComparer.Create(KiemDiemBot.Core.Rules.RuleReason.TextCulture, true)),
            progress.Members.Select(m => m.FullName));
    }

    [Fact]
    public async Task GetCellProgressAsync_OnceTheMeetingStarted_StartedReviewsAreLocked()
    {
        await harness.OpenAsync(await harness.MemberIdAsync(DemoOrganisation.LeaderEmail));
        await SubmitCompleteAsync(DemoOrganisation.ProbationaryEmail);
        storage.Clock.SetUtcNow(ReviewHarness.DemoMeeting);

        var progress = await ProgressAsync(DemoOrganisation.OfficeCellCode);

        Assert.Equal(SelfReviewStatus.Locked, Line(progress, "Nguyễn Văn Hùng").Status);
        Assert.Equal(SelfReviewStatus.Locked, Line(progress, "Đỗ Thị Thu Trang").Status);
        Assert.Equal(SelfReviewStatus.NotStarted, Line(progress, "Hoàng Văn Nam").Status);
    }

    [Fact]
    public async Task GetCellProgressAsync_Comments_AreExpectedByTheRules()
    {
        var progress = await ProgressAsync(DemoOrganisation.OfficeCellCode);

        var nam = Line(progress, "Hoàng Văn Nam");
        Assert.True(nam.IsReviewed);
        Assert.True(nam.ResidenceCommentExpected);
        Assert.False(nam.ResidenceCommentReceived);
        Assert.False(nam.TemporaryCellCommentExpected);
        var temporary = Line(progress, "Ngô Thị Bích Ngọc");
        Assert.True(temporary.TemporaryCellCommentExpected);
        Assert.False(temporary.HoldsTemporaryActivitiesHere);
        var exempt = Line(progress, "Đặng Văn Thành");
        Assert.False(exempt.IsReviewed);
        Assert.False(exempt.ResidenceCommentExpected);
    }

    [Fact]
    public async Task GetCellProgressAsync_TemporaryCell_ListsTheTemporaryMemberLastAndMarked()
    {
        var progress = await ProgressAsync(DemoOrganisation.TechnologyCellCode);

        var last = progress.Members[^1];
        Assert.Equal("Ngô Thị Bích Ngọc", last.FullName);
        Assert.True(last.HoldsTemporaryActivitiesHere);
        Assert.True(last.TemporaryCellCommentExpected);
        Assert.All(progress.Members.SkipLast(1), m => Assert.False(m.HoldsTemporaryActivitiesHere));
        Assert.Equal(9, progress.Members.Count);
    }

    [Fact]
    public async Task MarkCommentAsync_ResidenceComment_IsShownAndAuditedOnce()
    {
        var namId = await harness.MemberIdAsync(Nam);
        var secretaryId = await harness.MemberIdAsync("huong.pham@" + DemoOrganisation.EmailDomain);

        var marked = await MarkAsync(namId, ReviewCommentKind.Residence, received: true, secretaryId);
        var again = await MarkAsync(namId, ReviewCommentKind.Residence, received: true, secretaryId);

        Assert.True(marked);
        Assert.False(again);
        Assert.True(Line(await ProgressAsync(DemoOrganisation.OfficeCellCode), "Hoàng Văn Nam").ResidenceCommentReceived);
        var entry = Assert.Single(await harness.InScopeAsync(sp =>
            sp.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Member, namId, CancellationToken.None)));
        Assert.Equal(AuditFields.MemberComment(ReviewCommentKind.Residence), entry.Field);
        Assert.Equal(secretaryId.ToString(), entry.Actor);
        Assert.Equal("false", entry.From);
        Assert.Equal("true", entry.To);
    }

    [Fact]
    public async Task MarkCommentAsync_TemporaryCellComment_CanBeMarkedAndUnmarked()
    {
        var ngocId = await harness.MemberIdAsync(DemoOrganisation.TemporaryMemberEmail);

        await MarkAsync(ngocId, ReviewCommentKind.TemporaryCell, received: true, Guid.NewGuid());
        Assert.True(Line(await ProgressAsync(DemoOrganisation.OfficeCellCode), "Ngô Thị Bích Ngọc").TemporaryCellCommentReceived);
        await MarkAsync(ngocId, ReviewCommentKind.TemporaryCell, received: false, Guid.NewGuid());

        Assert.False(Line(await ProgressAsync(DemoOrganisation.OfficeCellCode), "Ngô Thị Bích Ngọc").TemporaryCellCommentReceived);
    }

    [Fact]
    public async Task MarkCommentAsync_TemporaryCellCommentOfAMemberWithoutOne_IsRefused()
    {
        var namId = await harness.MemberIdAsync(Nam);

        await Assert.ThrowsAsync<InvalidOperationException>(() => MarkAsync(namId, ReviewCommentKind.TemporaryCell, true, Guid.NewGuid()));
    }

    [Fact]
    public async Task GetCellProgressAsync_PersonalConversations_MakeMembersReachableUnlessBlocked()
    {
        var namObjectId = Guid.NewGuid();
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KiemDiemDbContext>();
            var nam = await db.Members.SingleAsync(m => m.EmailKey == Nam);
            nam.EntraObjectId = namObjectId;
            await db.SaveChangesAsync();
            var references = sp.GetRequiredService<IConversationReferenceStore>();
            await references.UpsertNowAsync(Personal("msteams", "a:nam", namObjectId.ToString()), CancellationToken.None);
            await references.UpsertNowAsync(Personal("local", DemoOrganisation.LeaderEmail.ToUpperInvariant(), null), CancellationToken.None);
            await references.UpsertNowAsync(Personal("local", DemoOrganisation.DisciplinedMemberEmail, null), CancellationToken.None);
            await references.MarkWritesBlockedAsync("local", "p-" + DemoOrganisation.DisciplinedMemberEmail, CancellationToken.None);
            return true;
        });

        var progress = await ProgressAsync(DemoOrganisation.OfficeCellCode);

        Assert.True(Line(progress, "Hoàng Văn Nam").Reachable);
        Assert.True(Line(progress, "Nguyễn Văn Hùng").Reachable);
        Assert.False(Line(progress, "Phan Văn Long").Reachable);
        Assert.False(Line(progress, "Phạm Thị Hương").Reachable);
    }

    private static StoredConversationReference Personal(string channelId, string userId, string? objectId) =>
        new(channelId, "p-" + userId.ToLowerInvariant(), userId, objectId, "bot", "https://smba.example/", null, "personal", "vi-VN");
}

public sealed class SqliteReviewProgressServiceTests() : ReviewProgressServiceTests(StorageProvider.Sqlite);

public sealed class PostgresReviewProgressServiceTests() : ReviewProgressServiceTests(StorageProvider.PostgreSQL);
