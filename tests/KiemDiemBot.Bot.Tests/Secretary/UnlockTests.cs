using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.SelfReviews;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.SelfReviews;
using KiemDiemBot.Dialogs.Secretary;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Secretary;

/// <summary>
/// The progress card's "Mở khóa" through the real pipeline in local mode: once the demo cells' meeting has started
/// (Thursday 5 March 2026, 08:00) a member's self-review is locked, and only the secretary or deputy secretary of
/// the member's cell reopens it.
/// </summary>
public abstract class UnlockTests(StorageProvider provider) : IAsyncLifetime
{
    private const string OfficeSecretaryEmail = "huong.pham@" + DemoOrganisation.EmailDomain;
    private const string TechnologySecretaryEmail = "tuan.le@" + DemoOrganisation.EmailDomain;
    private const string SubjectEmail = DemoOrganisation.DisciplinedMemberEmail;
    private const string UnlockButton = "Mở khóa";

    private static readonly DateTimeOffset MeetingStartsAt = new(2026, 3, 5, 8, 0, 0, TimeSpan.FromHours(7));

    private readonly FakeTimeProvider clock = new(BotApplicationFactory.Start);
    private MigratedStorage storage = null!;
    private LocalReviewHost host = null!;

    private ReviewWorld World => new(host);

    public async Task InitializeAsync()
    {
        storage = await MigratedStorage.CreateAsync(provider, clock);
        host = await LocalReviewHost.StartAsync(storage, clock, new TestConnectorClient(), services =>
        {
            services.AddScoped<IDialog, CellProgressDialog>();
            services.AddScoped<IDialog, UnlockSelfReviewDialog>();
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task UnlockButton_CellSecretaryAfterTheMeetingStarted_ReopensTheReviewAuditedAndTheMemberSavesAgain()
    {
        var subject = await World.MemberAsync(SubjectEmail);
        var member = await World.OpenAsync(SubjectEmail);
        var measures = await member.WalkToAsync(await member.SayForCardAsync("tự kiểm điểm"), SelfReviewFlow.MeasuresStep);
        MeetingStarts();
        var refused = await member.RefusedAsync(measures, (SelfReviewFlow.TextInput, "Biện pháp mới"));
        var secretary = await World.OpenAsync(OfficeSecretaryEmail);
        var card = await secretary.SayForCardAsync("tiến độ");

        var unlocked = new ReviewCard(Assert.Single(await secretary.PressAsync(card, card.Press(UnlockButtonFor(card, subject.Id)), 1)));
        var next = await member.AnswerAsync(refused, (SelfReviewFlow.TextInput, "Biện pháp mới"));

        Assert.True(refused.Says("Bản tự kiểm điểm đã khóa vì cuộc họp kiểm điểm của chi bộ đã bắt đầu"));
        Assert.Contains(subject.FullName + "** · Đã khóa", card.Json, StringComparison.Ordinal);
        Assert.Equal(card.Sent.SentId, unlocked.Sent.UpdatedActivityId);
        Assert.True(unlocked.Says("Đã mở khóa bản tự kiểm điểm của đồng chí " + subject.FullName + ": đồng chí ấy sửa tiếp được."));
        Assert.Contains(subject.FullName + "** · Đang viết", unlocked.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(unlocked.Buttons, b => b["data"]?[CardDataKeys.MemberId]?.GetValue<string>() == subject.Id.ToString("D")
            && b["title"]?.GetValue<string>() == UnlockButton);
        Assert.Equal(SelfReviewFlow.LevelStep, next.Step);
        var review = await World.ReviewOfAsync(SubjectEmail);
        Assert.Equal("Biện pháp mới", review.Answers.Measures);
        Assert.Equal(SelfReviewStatus.InProgress, review.Status);
        var unlock = Assert.Single(await AuditAsync(review.ReviewId), a => a.Field == AuditFields.SelfReviewUnlocked);
        Assert.Equal((await World.MemberAsync(OfficeSecretaryEmail)).Id.ToString(), unlock.Actor);
        Assert.Equal("Bí thư, phó bí thư chi bộ mở khóa từ thẻ tiến độ", unlock.Reason);
    }

    [Theory]
    [InlineData(DemoOrganisation.ProbationaryEmail)]
    [InlineData(TechnologySecretaryEmail)]
    public async Task UnlockButton_NotTheSecretaryOfTheMembersCell_IsRefusedAndTheReviewStaysLocked(string email)
    {
        var subject = await World.MemberAsync(SubjectEmail);
        var member = await World.OpenAsync(SubjectEmail);
        await member.SayForCardAsync("tự kiểm điểm");
        MeetingStarts();
        var card = await (await World.OpenAsync(OfficeSecretaryEmail)).SayForCardAsync("tiến độ");
        var other = await World.OpenAsync(email);

        var refusal = Assert.Single(await other.PressAsync(card, card.Press(UnlockButtonFor(card, subject.Id)), 1));

        Assert.Equal("Chỉ bí thư, phó bí thư chi bộ của đảng viên mới mở khóa được bản tự kiểm điểm của đảng viên đó.", refusal.Activity.Text);
        Assert.Null(refusal.Activity.Attachments);
        Assert.Null(refusal.UpdatedActivityId);
        var review = await World.ReviewOfAsync(SubjectEmail);
        Assert.Equal(SelfReviewStatus.Locked, review.Status);
        Assert.DoesNotContain(await AuditAsync(review.ReviewId), a => a.Field == AuditFields.SelfReviewUnlocked);
    }

    private void MeetingStarts() => clock.SetUtcNow(MeetingStartsAt.AddMinutes(1).ToUniversalTime());

    private static System.Text.Json.Nodes.JsonObject UnlockButtonFor(ReviewCard card, Guid memberId) =>
        Assert.Single(card.Buttons, b => b["title"]?.GetValue<string>() == UnlockButton
            && b["data"]?[CardDataKeys.MemberId]?.GetValue<string>() == memberId.ToString("D"));

    private Task<IReadOnlyList<AuditRecord>> AuditAsync(Guid reviewId) =>
        host.InScopeAsync(s => s.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.SelfReview, reviewId, CancellationToken.None));
}

public sealed class SqliteUnlockTests() : UnlockTests(StorageProvider.Sqlite);

public sealed class PostgresUnlockTests() : UnlockTests(StorageProvider.PostgreSQL);
