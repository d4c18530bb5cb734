using System.Text.Json.Nodes;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Reviews;
using KiemDiemBot.Core.Tests.Storage;
using KiemDiemBot.Core.Turns;
using KiemDiemBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Meetings;

/// <summary>
/// The draft's circulation and the participants' comments on both providers, with the demo office cell's meeting on
/// Monday 28/11/2022 at 08:00 (today is Sunday 20/11/2022): its seven members summoned, Phạm Thị Hương chairing, every
/// member reachable in a personal chat.
/// </summary>
public abstract class DraftCirculationTests(StorageProvider provider) : IAsyncLifetime
{
    private const string DraftLink = "https://onedrive.example/du-thao-bao-cao.docx";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private StorageFixture storage = null!;
    private ReviewHarness harness = null!;
    private Guid meetingId;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReviewHarness.CreateAsync(storage);
        await ReachableAsync();
        meetingId = await ScheduleAsync(DraftLink);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task StageAsync_CalledTwiceInOneUnitAndAgainInAnother_EachParticipantHasTheDraftOnceAndTheChairOneCommentsCard()
    {
        var first = await StageAsync(times: 2);
        var again = await StageAsync(times: 1);

        Assert.Equal(DraftCirculationOutcome.Staged, first[0].Outcome);
        Assert.Equal(7, first[0].Staged);
        Assert.Equal(0, first[1].Staged);
        Assert.Equal(0, again[0].Staged);
        Assert.Equal(7, again[0].FanOut!.AlreadySent);
        var rows = await OutboxAsync();
        Assert.Equal(7, rows.Count(r => r.DedupeKey!.StartsWith(OccasionKeys.DraftCirculation(meetingId) + ":", StringComparison.Ordinal)));
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        var commentsCard = Assert.Single(rows, r => r.DedupeKey!.StartsWith(DraftCommentPostKeys.Scope(meetingId), StringComparison.Ordinal));
        Assert.Equal(DraftCommentPostKeys.Head(meetingId, huong), commentsCard.DedupeKey);
    }

    [Fact]
    public async Task StageAsync_CancelledMeeting_StagesNothing()
    {
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewMeetingPlanner>().CancelAsync(meetingId, huong, CancellationToken.None));

        var result = Assert.Single(await StageAsync(times: 1));

        Assert.Equal(DraftCirculationOutcome.Cancelled, result.Outcome);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task StageAsync_NoDraftLink_StagesNothingUntilALinkIsGiven()
    {
        await ScheduleAsync(draft: null);

        var withoutLink = Assert.Single(await StageAsync(times: 1));
        await ScheduleAsync(DraftLink);
        var withLink = Assert.Single(await StageAsync(times: 1));

        Assert.Equal(DraftCirculationOutcome.NoDraftReport, withoutLink.Outcome);
        Assert.Equal(7, withLink.Staged);
    }

    [Fact]
    public async Task SaveCommentAsync_TwiceByOneParticipant_KeepsOnlyTheLatestTrimmedWithTheirName()
    {
        var trang = await harness.MemberIdByCodeAsync(DemoPeople.Trang);
        var long_ = await harness.MemberIdByCodeAsync(DemoPeople.Long);

        await CommentAsync(trang, "  Đề nghị bổ sung phần hạn chế.  ");
        storage.Clock.Advance(TimeSpan.FromHours(1));
        await CommentAsync(long_, "Nhất trí với dự thảo.");
        await CommentAsync(trang, "Đề nghị bổ sung phần hạn chế và nêu rõ thời hạn khắc phục.\n");

        var comments = await harness.InScopeAsync(sp => sp.GetRequiredService<IDraftCirculation>().ListCommentsAsync(meetingId, CancellationToken.None));
        Assert.Equal(["Đỗ Thị Thu Trang", "Phan Văn Long"], comments.Select(c => c.FullName));
        Assert.Equal("Đề nghị bổ sung phần hạn chế và nêu rõ thời hạn khắc phục.", comments[0].Text);
        Assert.Equal(storage.Clock.GetUtcNow(), comments[0].UpdatedAt);
        var found = await harness.InScopeAsync(sp => sp.GetRequiredService<IDraftCirculation>().FindCommentAsync(meetingId, long_, CancellationToken.None));
        Assert.Equal("Nhất trí với dự thảo.", found);
    }

    [Fact]
    public async Task SaveCommentAsync_EmptyTooLongOrNotSummoned_RefusedAndNothingSaved()
    {
        var trang = await harness.MemberIdByCodeAsync(DemoPeople.Trang);
        var tuan = await harness.MemberIdByCodeAsync(DemoPeople.Tuan);

        var empty = await RefusedAsync(trang, "   \n ");
        var tooLong = await RefusedAsync(trang, new string('a', 4001));
        var stranger = await RefusedAsync(tuan, "Góp ý của người ngoài chi bộ.");

        Assert.Equal(DraftCommentRefusal.Empty, empty.Reason);
        Assert.Equal("Ô góp ý đang để trống nên chưa có gì để gửi: hãy viết góp ý vào ô trên thẻ rồi bấm “Gửi góp ý”.", empty.Message);
        Assert.Equal(DraftCommentRefusal.TooLong, tooLong.Reason);
        Assert.Equal("Góp ý dài 4001 ký tự, quá giới hạn 4000 ký tự: hãy rút gọn trên thẻ rồi bấm “Gửi góp ý” lại.", tooLong.Message);
        Assert.Equal(DraftCommentRefusal.NotParticipant, stranger.Reason);
        Assert.Equal("Đồng chí không có trong danh sách dự họp kiểm điểm của Chi bộ Văn phòng Sở nên không gửi góp ý dự thảo được.", stranger.Message);
        Assert.Empty(await harness.InScopeAsync(sp => sp.GetRequiredService<IDraftCirculation>().ListCommentsAsync(meetingId, CancellationToken.None)));
    }

    [Fact]
    public async Task SaveCommentAsync_MeetingStartedOrCancelled_RefusedPolitely()
    {
        var trang = await harness.MemberIdByCodeAsync(DemoPeople.Trang);
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        storage.Clock.Advance(new DateTimeOffset(2022, 11, 28, 8, 5, 0, Vietnam) - storage.Clock.GetUtcNow());

        var started = await RefusedAsync(trang, "Góp ý muộn.");
        await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewMeetingPlanner>().CancelAsync(meetingId, huong, CancellationToken.None));
        var cancelled = await RefusedAsync(trang, "Góp ý muộn.");

        Assert.Equal(DraftCommentRefusal.Started, started.Reason);
        Assert.Equal("Cuộc họp kiểm điểm của Chi bộ Văn phòng Sở đã bắt đầu lúc 08:00 28/11/2022 nên bot không nhận góp ý dự thảo nữa; xin đồng chí phát biểu trực tiếp tại cuộc họp.", started.Message);
        Assert.Equal(DraftCommentRefusal.Cancelled, cancelled.Reason);
        Assert.StartsWith("Cuộc họp kiểm điểm của Chi bộ Văn phòng Sở đã bị hủy", cancelled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageCommentsCardAsync_AfterTheDraftWentOut_ReplacesTheChairsCardWithEveryComment()
    {
        await StageAsync(times: 1);
        var trang = await harness.MemberIdByCodeAsync(DemoPeople.Trang);
        var long_ = await harness.MemberIdByCodeAsync(DemoPeople.Long);

        await CommentAsync(trang, "Đề nghị bổ sung phần hạn chế.", withCard: true);
        await CommentAsync(long_, "Nhất trí với dự thảo.", withCard: true);

        var rows = await OutboxAsync();
        var card = Assert.Single(rows, r => r.DedupeKey!.StartsWith(DraftCommentPostKeys.Scope(meetingId), StringComparison.Ordinal));
        Assert.Contains("Đỗ Thị Thu Trang: Đề nghị bổ sung phần hạn chế.", card.Payload, StringComparison.Ordinal);
        Assert.Contains("Phan Văn Long: Nhất trí với dự thảo.", card.Payload, StringComparison.Ordinal);
    }

    /// <summary>Stages the circulation <paramref name="times"/> times in one unit of work, committed; answers each result.</summary>
    private Task<List<DraftCirculationResult>> StageAsync(int times) =>
        harness.InScopeAsync(async sp =>
        {
            var drafts = sp.GetRequiredService<IDraftCirculation>();
            var results = new List<DraftCirculationResult>();
            for (var i = 0; i < times; i++)
            {
                var meeting = (await drafts.FindAsync(meetingId, CancellationToken.None))!;
                results.Add(await drafts.StageAsync(meeting, Cards(), CancellationToken.None));
            }
            return results;
        });

    /// <summary>Cards whose text says what they hold: the comments card lists "name: text".</summary>
    private static DraftCirculationCards Cards() => new(
        new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Dự thảo" }) },
        comments => new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray([.. comments.Select(c => (JsonNode)new JsonObject { ["type"] = "TextBlock", ["text"] = c.FullName + ": " + c.Text })]),
        });

    private Task<DraftCommentView> CommentAsync(Guid memberId, string text, bool withCard = false) =>
        harness.InScopeAsync(async sp =>
        {
            var drafts = sp.GetRequiredService<IDraftCirculation>();
            var saved = await drafts.SaveCommentAsync(meetingId, memberId, text, CancellationToken.None);
            if (withCard)
            {
                await drafts.StageCommentsCardAsync((await drafts.FindAsync(meetingId, CancellationToken.None))!, Cards().Comments, CancellationToken.None);
            }
            return saved;
        });

    private Task<DraftCommentRefusedException> RefusedAsync(Guid memberId, string text) =>
        Assert.ThrowsAsync<DraftCommentRefusedException>(() => CommentAsync(memberId, text));

    private async Task<Guid> ScheduleAsync(string? draft)
    {
        var office = await harness.OrganisationIdAsync(DemoOrganisation.OfficeCellCode);
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        var plan = new MeetingPlan(harness.CycleId, office, new DateTimeOffset(2022, 11, 28, 8, 0, 0, Vietnam), new DateTimeOffset(2022, 11, 28, 11, 30, 0, Vietnam),
            [], [], draft, false, null);
        var result = await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewMeetingPlanner>().ScheduleAsync(plan, huong, CancellationToken.None));
        return result.Meeting.MeetingId;
    }

    /// <summary>Every member of the demo office cell has a personal chat with the bot, known by their Entra object id.</summary>
    private async Task ReachableAsync()
    {
        var office = await harness.OrganisationIdAsync(DemoOrganisation.OfficeCellCode);
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var now = storage.Clock.GetUtcNow();
        foreach (var member in await db.Members.Where(m => m.OfficialCellId == office).ToListAsync())
        {
            member.EntraObjectId ??= Guid.NewGuid();
            db.ConversationReferences.Add(new ConversationReferenceRecord
            {
                ChannelId = "msteams",
                ConversationId = "a:" + member.Code,
                UserId = "29:" + member.Code,
                UserAadObjectId = member.EntraObjectId.Value.ToString(),
                ServiceUrl = "https://smba.trafficmanager.net/apac/",
                ConversationType = "personal",
                FirstSeenAt = now,
                LastSeenAt = now,
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task<List<OutboundActivity>> OutboxAsync()
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().OutboundActivities.AsNoTracking()
            .Where(a => a.DedupeKey != null)
            .ToListAsync();
    }
}

public sealed class SqliteDraftCirculationTests() : DraftCirculationTests(StorageProvider.Sqlite);

public sealed class PostgresDraftCirculationTests() : DraftCirculationTests(StorageProvider.PostgreSQL);
