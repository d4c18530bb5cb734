using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Reviews;
using KiemDiemBot.Core.Tests.Storage;
using KiemDiemBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Meetings;

/// <summary>
/// Scheduling, moving and cancelling review meetings of the demo organisation on both providers. The fixture's
/// today is Sunday 20/11/2022, 09:00 in Asia/Ho_Chi_Minh; the cells' deadline is 01/12/2022.
/// </summary>
public abstract class ReviewMeetingPlannerTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly MeetingConversation Chat = new("msteams", "19:office-meeting@thread.v2");
    private const string DraftLink = "https://onedrive.example/du-thao-bao-cao.docx";

    private StorageFixture storage = null!;
    private ReviewHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReviewHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private Task<T> PlannerAsync<T>(Func<IReviewMeetingPlanner, Task<T>> action) =>
        harness.InScopeAsync(sp => action(sp.GetRequiredService<IReviewMeetingPlanner>()));

    private static DateTimeOffset At(int day, int hour, int minute = 0, int month = 11) => new(2022, month, day, hour, minute, 0, Vietnam);

    private async Task<MeetingPlan> OfficePlanAsync(DateTimeOffset startsAt, DateTimeOffset endsAt, string? draft = DraftLink, bool approved = false) =>
        new(harness.CycleId, await harness.OrganisationIdAsync(DemoOrganisation.OfficeCellCode), startsAt, endsAt, [], [], draft, approved, Chat);

    private async Task<MeetingPlanResult> ScheduleAsync(MeetingPlan plan, string actorCode) =>
        await PlannerAsync(async p => await p.ScheduleAsync(plan, await harness.MemberIdByCodeAsync(actorCode), CancellationToken.None));

    private async Task<MeetingRefusedException> RefusedAsync(MeetingPlan plan, string actorCode)
    {
        var actor = await harness.MemberIdByCodeAsync(actorCode);
        return await Assert.ThrowsAsync<MeetingRefusedException>(() => PlannerAsync(p => p.ScheduleAsync(plan, actor, CancellationToken.None)));
    }

    private Task<IReadOnlyList<AuditRecord>> AuditAsync() =>
        harness.InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.CycleSettings, harness.CycleId, CancellationToken.None));

    [Fact]
    public async Task ScheduleAsync_WellPreparedCellMeeting_SavesEverythingWithoutWarnings()
    {
        var plan = await OfficePlanAsync(At(28, 8), At(28, 11, 30));

        var result = await ScheduleAsync(plan, DemoPeople.Huong);

        Assert.Empty(result.Warnings);
        var found = await PlannerAsync(p => p.FindByConversationAsync(Chat, harness.CycleId, CancellationToken.None));
        Assert.NotNull(found);
        Assert.Equal(result.Meeting.MeetingId, found.MeetingId);
        Assert.Equal(At(28, 8), found.StartsAt);
        Assert.Equal(Vietnam, found.StartsAt.Offset);
        Assert.Equal(At(28, 11, 30), found.EndsAt);
        Assert.Equal(DraftLink, found.DraftReportUrl);
        Assert.Equal("Chi bộ Văn phòng Sở", found.BodyName);
        Assert.Equal(7, found.Participants.Count);
        Assert.Equal(["Phạm Thị Hương"], found.Participants.Where(p => p.IsCoChair).Select(p => p.FullName));
        Assert.False(found.Participants.Single(p => p.FullName == "Đỗ Thị Thu Trang").IsOfficial);
        Assert.True(found.Participants.Single(p => p.FullName == "Đặng Văn Thành").IsExempt);
    }

    [Fact]
    public async Task FindByConversationAsync_TheTeamsMeetingChatOfTheEvent_FindsTheMeeting()
    {
        var scheduled = await ScheduleAsync(await OfficePlanAsync(At(28, 8), At(28, 11, 30)), DemoPeople.Huong);
        const string MeetingChat = "19:meeting_NjQ4ZTk0YjItY2Q3ZS00ZjA4@thread.v2";
        await SetMeetingChatAsync(scheduled.Meeting.MeetingId, MeetingChat);

        var found = await PlannerAsync(p => p.FindByConversationAsync(new MeetingConversation("msteams", MeetingChat), harness.CycleId, CancellationToken.None));
        var elsewhere = await PlannerAsync(p => p.FindByConversationAsync(new MeetingConversation("webchat", MeetingChat), harness.CycleId, CancellationToken.None));

        Assert.Equal(scheduled.Meeting.MeetingId, found?.MeetingId);
        Assert.Null(elsewhere);
        Assert.Equal(scheduled.Meeting.MeetingId, (await PlannerAsync(p => p.FindByConversationAsync(Chat, harness.CycleId, CancellationToken.None)))?.MeetingId);
    }

    [Fact]
    public async Task FindByConversationAsync_MeetingChatOfACancelledMeeting_FindsNothing()
    {
        var scheduled = await ScheduleAsync(await OfficePlanAsync(At(28, 8), At(28, 11, 30)), DemoPeople.Huong);
        const string MeetingChat = "19:meeting_ZGVmZzEyMzQ1Njc4OTAx@thread.v2";
        await SetMeetingChatAsync(scheduled.Meeting.MeetingId, MeetingChat);
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        await PlannerAsync(p => p.CancelAsync(scheduled.Meeting.MeetingId, huong, CancellationToken.None));

        Assert.Null(await PlannerAsync(p => p.FindByConversationAsync(new MeetingConversation("msteams", MeetingChat), harness.CycleId, CancellationToken.None)));
    }

    /// <summary>What the calendar job records once it found the Teams meeting's chat.</summary>
    private Task SetMeetingChatAsync(Guid meetingId, string chatId) =>
        harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KiemDiemDbContext>();
            var meeting = await db.ReviewMeetings.SingleAsync(m => m.Id == meetingId);
            meeting.MeetingChatId = chatId;
            return meeting.Id;
        });

    [Fact]
    public async Task ScheduleAsync_FewerThanThreeWorkingDaysBefore_WarnsTheDraftCannotGoOutInTime()
    {
        var plan = await OfficePlanAsync(At(22, 8), At(22, 11, 30));

        var result = await ScheduleAsync(plan, DemoPeople.Huong);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(MeetingPlanWarningKind.DraftCirculationTooLate, warning.Kind);
        Assert.Equal("Không còn đủ 3 ngày làm việc để gửi trước dự thảo báo cáo kiểm điểm cho người dự họp: phải gửi chậm nhất ngày 17/11/2022, mà hôm nay đã là ngày 20/11/2022.", warning.Text);
    }

    [Fact]
    public async Task ScheduleAsync_ThreeWorkingDaysLeft_DoesNotWarnAboutTheDraft()
    {
        // Thursday 24/11: three working days before it is Monday 21/11, after today.
        var result = await ScheduleAsync(await OfficePlanAsync(At(24, 8), At(24, 11, 30)), DemoPeople.Huong);

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task ScheduleAsync_GrassrootsCommitteeForHalfADay_WarnsShorterThanItsMinimum()
    {
        var grassroots = await harness.OrganisationIdAsync(DemoOrganisation.GrassrootsCode);
        var plan = new MeetingPlan(harness.CycleId, grassroots, At(28, 8), At(28, 11, 30), [], [], DraftLink, false, null);

        var result = await ScheduleAsync(plan, DemoPeople.Hung);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(MeetingPlanWarningKind.TooShort, warning.Kind);
        Assert.Equal("Cuộc họp kéo dài 0,5 ngày, ngắn hơn thời gian tối thiểu 1 ngày mà kế hoạch quy định cho kiểm điểm tập thể, cá nhân lãnh đạo ở đảng bộ cơ sở (mỗi buổi sáng hoặc chiều họp từ 3 giờ trở lên tính là nửa ngày).", warning.Text);
        var fullDay = await ScheduleAsync(plan with { EndsAt = At(28, 17) }, DemoPeople.Hung);
        Assert.Empty(fullDay.Warnings);
    }

    [Fact]
    public async Task ScheduleAsync_MembersWithSuggestionsAndDraftNotApproved_WarnsUntilApproved()
    {
        var long_ = await harness.MemberIdByCodeAsync(DemoPeople.Long);
        await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewSuggestionService>().AddAsync(harness.CycleId, long_, "Làm rõ trách nhiệm trong vụ việc bị khiển trách.", "test", CancellationToken.None));
        var plan = await OfficePlanAsync(At(28, 8), At(28, 11, 30));

        var notApproved = await ScheduleAsync(plan, DemoPeople.Huong);
        var approved = await ScheduleAsync(plan with { DraftApprovedBySuperior = true }, DemoPeople.Huong);

        var warning = Assert.Single(notApproved.Warnings);
        Assert.Equal(MeetingPlanWarningKind.SuggestionsNotApproved, warning.Kind);
        Assert.StartsWith("1 đảng viên của Chi bộ Văn phòng Sở được cấp trên gợi ý kiểm điểm", warning.Text, StringComparison.Ordinal);
        Assert.Empty(approved.Warnings);
        Assert.True(approved.Meeting.DraftApprovedBySuperior);
        var draft = await PlannerAsync(async p => await p.DraftAsync(harness.CycleId, await harness.MemberIdByCodeAsync(DemoPeople.Huong), null, CancellationToken.None));
        Assert.True(draft!.HasReviewSuggestions);
    }

    [Fact]
    public async Task ScheduleAsync_NoDraftLink_WarnsNoDraftReport()
    {
        var result = await ScheduleAsync(await OfficePlanAsync(At(28, 8), At(28, 11, 30), draft: "  "), DemoPeople.Nam);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(MeetingPlanWarningKind.NoDraftReport, warning.Kind);
        Assert.Null(result.Meeting.DraftReportUrl);
    }

    [Fact]
    public async Task ScheduleAsync_OnTheCellDeadline_WarnsAfterDeadline()
    {
        var result = await ScheduleAsync(await OfficePlanAsync(At(1, 8, month: 12), At(1, 11, month: 12)), DemoPeople.Huong);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(MeetingPlanWarningKind.AfterDeadline, warning.Kind);
        Assert.Contains("01/12/2022", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleAsync_EndBeforeStart_IsRefusedAndNothingChanges()
    {
        var refused = await RefusedAsync(await OfficePlanAsync(At(28, 14), At(28, 8)), DemoPeople.Huong);

        Assert.Equal("Thời gian kết thúc (08:00 28/11/2022) phải sau thời gian bắt đầu (14:00 28/11/2022).", refused.Message);
        var stored = await PlannerAsync(async p => await p.FindForBodyAsync(harness.CycleId, await harness.OrganisationIdAsync(DemoOrganisation.OfficeCellCode), CancellationToken.None));
        Assert.Equal(ReviewHarness.DemoMeeting, stored!.StartsAt);
        Assert.Null(stored.EndsAt);
    }

    [Fact]
    public async Task ScheduleAsync_StartInThePast_IsRefused()
    {
        var refused = await RefusedAsync(await OfficePlanAsync(At(19, 8), At(19, 11)), DemoPeople.Huong);

        Assert.Equal("Thời gian bắt đầu 08:00 19/11/2022 đã qua; hãy chọn một thời điểm sau bây giờ.", refused.Message);
    }

    [Fact]
    public async Task ScheduleAsync_ParticipantFromAnotherCell_IsRefusedByName()
    {
        var plan = await OfficePlanAsync(At(28, 8), At(28, 11));
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        var tuan = await harness.MemberIdByCodeAsync(DemoPeople.Tuan);

        var refused = await RefusedAsync(plan with { ParticipantIds = [huong, tuan] }, DemoPeople.Huong);

        Assert.Equal("Không có trong danh sách của Chi bộ Văn phòng Sở nên không mời dự họp được: Lê Minh Tuấn.", refused.Message);
    }

    [Theory]
    [InlineData(DemoPeople.Long)]
    [InlineData(DemoPeople.Tuan)]
    [InlineData(DemoPeople.Hung)]
    public async Task ScheduleAsync_NotTheCellsSecretaryOrDeputy_IsRefused(string actorCode)
    {
        var refused = await RefusedAsync(await OfficePlanAsync(At(28, 8), At(28, 11)), actorCode);

        Assert.Equal("Chỉ bí thư hoặc phó bí thư của Chi bộ Văn phòng Sở mới được đặt, dời hoặc hủy lịch họp kiểm điểm của tổ chức này.", refused.Message);
    }

    [Fact]
    public async Task ScheduleAsync_OfficeCell_AgendaIsCollectiveThenLeadersWithADeputyChairingTheHead()
    {
        var result = await ScheduleAsync(await OfficePlanAsync(At(28, 8), At(28, 11, 30)), DemoPeople.Huong);

        var agenda = result.Meeting.Agenda;
        Assert.True(agenda[0].IsCollective);
        Assert.Equal("Chi bộ Văn phòng Sở", agenda[0].SubjectName);
        Assert.Equal(["Phạm Thị Hương"], agenda[0].ChairNames);
        // Heads first (the director and the cell's secretary), then the deputy secretary, then members by name;
        // the exempt member has no review.
        Assert.Equal(
            ["Nguyễn Văn Hùng", "Phạm Thị Hương", "Hoàng Văn Nam", "Đỗ Thị Thu Trang", "Ngô Thị Bích Ngọc", "Phan Văn Long"],
            agenda.Skip(1).Select(a => a.SubjectName));
        var head = agenda.Single(a => a.SubjectName == "Phạm Thị Hương");
        Assert.Equal(["Hoàng Văn Nam"], head.ChairNames);
        Assert.NotNull(head.ChairNote);
        Assert.Equal(["Phạm Thị Hương"], agenda.Single(a => a.SubjectName == "Hoàng Văn Nam").ChairNames);
    }

    [Fact]
    public async Task ScheduleAsync_ChosenCoChairs_ChairEveryReviewButTheirOwn()
    {
        var plan = await OfficePlanAsync(At(28, 8), At(28, 11, 30));
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        var hung = await harness.MemberIdByCodeAsync(DemoPeople.Hung);

        var result = await ScheduleAsync(plan with { CoChairIds = [huong, hung] }, DemoPeople.Huong);

        var agenda = result.Meeting.Agenda;
        Assert.Equal(["Phạm Thị Hương", "Nguyễn Văn Hùng"], agenda[0].ChairNames);
        Assert.Equal(["Phạm Thị Hương"], agenda.Single(a => a.SubjectName == "Nguyễn Văn Hùng").ChairNames);
        Assert.Equal(["Nguyễn Văn Hùng", "Hoàng Văn Nam"], agenda.Single(a => a.SubjectName == "Phạm Thị Hương").ChairNames);
    }

    [Fact]
    public async Task ScheduleAsync_Moved_AuditsTheStartAndTheEnd()
    {
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        await ScheduleAsync(await OfficePlanAsync(At(28, 8), At(28, 11, 30)), DemoPeople.Huong);

        await ScheduleAsync(await OfficePlanAsync(At(29, 14), At(29, 17)), DemoPeople.Huong);

        // The demo seeder set the first date in Hương's name; the two moves follow.
        var entries = (await AuditAsync()).Where(e => e.Actor == huong.ToString() && e.To != "2022-11-23 08:00 +07:00").ToList();
        Assert.Equal(
            [("2022-11-23 08:00 +07:00", "2022-11-28 08:00 +07:00"), ("2022-11-28 08:00 +07:00", "2022-11-29 14:00 +07:00")],
            entries.Where(e => e.Field == AuditFields.ReviewMeeting).Select(e => (e.From, e.To)));
        Assert.Equal(
            [(null, "2022-11-28 11:30 +07:00"), ("2022-11-28 11:30 +07:00", "2022-11-29 17:00 +07:00")],
            entries.Where(e => e.Field == AuditFields.ReviewMeetingEnd).Select(e => (e.From, e.To)));
    }

    [Fact]
    public async Task SetMeetingAsync_ScheduledMeetingMovedByDateAlone_KeepsItsLength()
    {
        var scheduled = await ScheduleAsync(await OfficePlanAsync(At(28, 8), At(28, 11, 30)), DemoPeople.Huong);
        var officeId = await harness.OrganisationIdAsync(DemoOrganisation.OfficeCellCode);
        var hung = await harness.MemberIdByCodeAsync(DemoPeople.Hung);

        await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewMeetingCalendar>().SetMeetingAsync(harness.CycleId, officeId, At(29, 14), hung, CancellationToken.None));

        var moved = await PlannerAsync(p => p.GetAsync(scheduled.Meeting.MeetingId, CancellationToken.None));
        Assert.Equal(At(29, 14), moved!.StartsAt);
        Assert.Equal(At(29, 17, 30), moved.EndsAt);
        var end = Assert.Single(await AuditAsync(), e => e.Field == AuditFields.ReviewMeetingEnd && e.Actor == hung.ToString());
        Assert.Equal("2022-11-28 11:30 +07:00", end.From);
        Assert.Equal("2022-11-29 17:30 +07:00", end.To);
    }

    [Fact]
    public async Task CancelAsync_BySecretary_IsAuditedAndNoLongerLocksSelfReviews()
    {
        var nam = await harness.MemberIdByCodeAsync(DemoPeople.Nam);
        var scheduled = await ScheduleAsync(await OfficePlanAsync(At(28, 8), At(28, 11, 30)), DemoPeople.Huong);

        var cancelled = await PlannerAsync(p => p.CancelAsync(scheduled.Meeting.MeetingId, nam, CancellationToken.None));

        Assert.True(cancelled.IsCancelled);
        var entry = Assert.Single(await AuditAsync(), e => e.Field == AuditFields.ReviewMeetingCancelled);
        Assert.Equal(nam.ToString(), entry.Actor);
        Assert.Equal("2022-11-28 08:00 +07:00", entry.From);
        Assert.Null(entry.To);
        var memberId = await harness.MemberIdByCodeAsync(DemoPeople.Long);
        Assert.Null(await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewMeetingCalendar>().FindForMemberAsync(memberId, harness.CycleId, CancellationToken.None)));
        Assert.Null(await PlannerAsync(p => p.FindByConversationAsync(Chat, harness.CycleId, CancellationToken.None)));
        storage.Clock.Advance(TimeSpan.FromDays(9));
        var review = await harness.OpenAsync(memberId);
        Assert.NotEqual(SelfReviewStatus.Locked, review.Status);
    }

    [Fact]
    public async Task ScheduleAsync_AfterCancelling_BringsTheMeetingBack()
    {
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        var plan = await OfficePlanAsync(At(28, 8), At(28, 11, 30));
        var scheduled = await ScheduleAsync(plan, DemoPeople.Huong);
        await PlannerAsync(p => p.CancelAsync(scheduled.Meeting.MeetingId, huong, CancellationToken.None));

        var again = await ScheduleAsync(plan, DemoPeople.Huong);

        Assert.False(again.Meeting.IsCancelled);
        Assert.Equal(scheduled.Meeting.MeetingId, again.Meeting.MeetingId);
        var restored = (await AuditAsync()).Last(e => e.Field == AuditFields.ReviewMeeting);
        Assert.Null(restored.From);
        Assert.Equal("2022-11-28 08:00 +07:00", restored.To);
        Assert.NotNull(await PlannerAsync(p => p.FindByConversationAsync(Chat, harness.CycleId, CancellationToken.None)));
    }

    [Fact]
    public async Task CancelAsync_PlainMember_IsRefusedAndTheMeetingStays()
    {
        var scheduled = await ScheduleAsync(await OfficePlanAsync(At(28, 8), At(28, 11, 30)), DemoPeople.Huong);
        var long_ = await harness.MemberIdByCodeAsync(DemoPeople.Long);

        await Assert.ThrowsAsync<MeetingRefusedException>(() => PlannerAsync(p => p.CancelAsync(scheduled.Meeting.MeetingId, long_, CancellationToken.None)));

        Assert.False((await PlannerAsync(p => p.GetAsync(scheduled.Meeting.MeetingId, CancellationToken.None)))!.IsCancelled);
        Assert.DoesNotContain(await AuditAsync(), e => e.Field == AuditFields.ReviewMeetingCancelled);
    }

    [Fact]
    public async Task DraftAsync_CellSecretary_GivesTheCellRosterAndTheMeetingSetSoFar()
    {
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);

        var draft = await PlannerAsync(p => p.DraftAsync(harness.CycleId, huong, null, CancellationToken.None));

        Assert.NotNull(draft);
        Assert.Equal("Chi bộ Văn phòng Sở", draft.BodyName);
        Assert.Equal(7, draft.Roster.Count);
        Assert.Equal(["Phạm Thị Hương"], draft.Roster.Where(p => p.IsCoChair).Select(p => p.FullName));
        Assert.Equal(ReviewHarness.DemoMeeting, draft.Existing!.StartsAt);
        Assert.False(draft.HasReviewSuggestions);
    }

    [Fact]
    public async Task DraftAsync_PlainMemberOrAnotherCell_IsNull()
    {
        var long_ = await harness.MemberIdByCodeAsync(DemoPeople.Long);
        var huong = await harness.MemberIdByCodeAsync(DemoPeople.Huong);
        var technology = await harness.OrganisationIdAsync(DemoOrganisation.TechnologyCellCode);

        Assert.Null(await PlannerAsync(p => p.DraftAsync(harness.CycleId, long_, null, CancellationToken.None)));
        Assert.Null(await PlannerAsync(p => p.DraftAsync(harness.CycleId, huong, technology, CancellationToken.None)));
    }
}

public sealed class SqliteReviewMeetingPlannerTests() : ReviewMeetingPlannerTests(StorageProvider.Sqlite);

public sealed class PostgresReviewMeetingPlannerTests() : ReviewMeetingPlannerTests(StorageProvider.PostgreSQL);
