using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.SelfReviews;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>
/// Around the self-review flow, through the real pipeline in local mode: resuming after a restart, stale and
/// doubled cards, refused answers that come back filled, the summary's edits, nộp, the lock at the meeting and
/// the secretary's unlock, and hoàn thiện after the meeting.
/// </summary>
public abstract class SelfReviewEditingTests(StorageProvider provider) : SelfReviewHostTests(provider)
{
    private const string Email = SelfReviewFlowTests.CivilServantEmail;
    private const string TechnologySecretaryEmail = "tuan.le@" + Core.Demo.DemoOrganisation.EmailDomain;

    [Fact]
    public async Task TuKiemDiem_HostRestartedMidway_ResumesAtTheSameStepWithTheAnswersKept()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var second = await session.WalkToAsync(identity, SelfReviewFlow.StrengthStep(StrengthItem.Duties));

        await RestartAsync(session);
        var resumed = await session.SayForCardAsync("tiếp tục");
        var again = await session.SayForCardAsync("tự kiểm điểm");
        var next = await session.AnswerAsync(resumed, TestAnswers.Good(resumed));
        var review = await World.ReviewOfAsync(Email);

        Assert.Equal(second.Step, resumed.Step);
        Assert.Equal(second.Step, again.Step);
        Assert.Equal(FlowTexts.FlowAlreadyActive, again.Text);
        Assert.Equal(SelfReviewFlow.StrengthStep(StrengthItem.Commitment), next.Step);
        Assert.Equal(TestAnswers.StrengthText, review.Answers.Strengths[StrengthItem.PoliticalQuality].Text);
        Assert.Equal(TestAnswers.StrengthText, review.Answers.Strengths[StrengthItem.Duties].Text);
    }

    [Fact]
    public async Task TuKiemDiem_RunEndedAndStartedAgain_ContinuesAtTheFirstPartNotAnswered()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        await session.WalkToAsync(identity, SelfReviewFlow.ShortcomingsStep);

        await session.SayAsync("hủy");
        var restarted = await session.SayForCardAsync("tự kiểm điểm");

        Assert.Equal(SelfReviewFlow.ShortcomingsStep, restarted.Step);
        Assert.Null(restarted.Text);
    }

    [Fact]
    public async Task GroupChat_WhileTheReviewIsAtATypedStep_TakesNothingAsAnAnswerAndShowsNoCard()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var measures = await session.WalkToAsync(identity, SelfReviewFlow.MeasuresStep);
        var before = await World.ReviewOfAsync(Email);
        var group = await World.OpenGroupAsync(Email);

        var chatter = await group.SayAsync("Chiều nay chi bộ họp lúc mấy giờ?");
        var resume = await group.SayAsync("tiếp tục");
        var after = await World.ReviewOfAsync(Email);
        var stillThere = await session.SayForCardAsync("tiếp tục");

        Assert.Equal(Turns.TestFallbackDialog.Reply, chatter.Activity.Text);
        Assert.Equal(FlowTexts.FlowContinuesInPersonalChat, resume.Activity.Text);
        Assert.Null(resume.Activity.Attachments);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.Answers.Measures);
        Assert.Equal(measures.Step, stillThere.Step);
    }

    [Fact]
    public async Task AnswerCard_OldCardAfterANewerStep_ChangesNothingAndTheCurrentStepComesAgain()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var first = await session.AnswerAsync(identity);
        var before = await World.ReviewOfAsync(Email);

        var replies = await session.PressAsync(identity, identity.Press(null, (SelfReviewFlow.FullNameInput, "Tên Khác")), 2);
        var after = await World.ReviewOfAsync(Email);

        var replaced = Assert.Single(replies, r => r.UpdatedActivityId is not null);
        Assert.Equal(identity.Sent.SentId, replaced.UpdatedActivityId);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(Cards.OutdatedCard.Build(), new ReviewCard(replaced).Content));
        var current = new ReviewCard(Assert.Single(replies, r => r.UpdatedActivityId is null));
        Assert.Equal(FlowTexts.FlowCardOutOfDate, current.Text);
        Assert.Equal(first.Step, current.Step);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Answers.Identity, after.Answers.Identity);
    }

    [Fact]
    public async Task AnswerCard_SameCardTwiceAtOnce_IsSavedOnce()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var strength = await session.AnswerAsync(identity);
        var before = await World.ReviewOfAsync(Email);

        await Task.WhenAll(
            Host.PostAsync(session.Chat.Submit(strength.Press(null, (SelfReviewFlow.TextInput, "Lần một"), (SelfReviewFlow.GradeInput, "Good")), strength.Sent.SentId)),
            Host.PostAsync(session.Chat.Submit(strength.Press(null, (SelfReviewFlow.TextInput, "Lần hai"), (SelfReviewFlow.GradeInput, "Good")), strength.Sent.SentId)));
        var replies = await Host.TakeAsync(4);
        var after = await World.ReviewOfAsync(Email);

        Assert.Single(replies, r => r.Activity.Text == FlowTexts.FlowCardOutOfDate);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Contains(after.Answers.Strengths[StrengthItem.PoliticalQuality].Text, new[] { "Lần một", "Lần hai" });
        Assert.False(Host.Connector.HasUnread);
    }

    [Fact]
    public async Task AnswerCard_GradeMissingOrTextTooLong_ComesBackFilledWithTheErrorNamed()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var strength = await session.AnswerAsync(identity);
        var typed = "Đã hoàn thành tốt nhiệm vụ được giao trong năm.";
        var tooLong = new string('x', SelfReviewAnswers.MaxTextLength + 1);

        var noGrade = await session.RefusedAsync(strength, (SelfReviewFlow.TextInput, typed), (SelfReviewFlow.GradeInput, ""));
        var overLimit = await session.RefusedAsync(noGrade, (SelfReviewFlow.TextInput, tooLong), (SelfReviewFlow.GradeInput, "Good"));
        var review = await World.ReviewOfAsync(Email);

        Assert.True(noGrade.Says("đồng chí chưa chọn mức tự đánh giá"));
        Assert.Equal(typed, noGrade.ValueOf(SelfReviewFlow.TextInput));
        Assert.True(overLimit.Says("Ưu điểm, kết quả: dài 4.001 ký tự, quá giới hạn 4.000 ký tự"));
        Assert.Equal(tooLong, overLimit.ValueOf(SelfReviewFlow.TextInput));
        Assert.Equal("Good", overLimit.ValueOf(SelfReviewFlow.GradeInput));
        Assert.Equal(SelfReviewAnswers.MaxTextLength, overLimit.Input(SelfReviewFlow.TextInput)["maxLength"]!.GetValue<int>());
        Assert.True(strength.Says("Mỗi ô viết tối đa 4.000 ký tự."));
        Assert.False(review.Answers.Strengths.ContainsKey(StrengthItem.PoliticalQuality));
    }

    [Fact]
    public async Task IdentityCard_UnreadableDate_ComesBackWithEveryEditKept()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");

        var refused = await session.RefusedAsync(identity,
            (SelfReviewFlow.DateOfBirthInput, "ngày mười"), (SelfReviewFlow.WorkUnitInput, "Phòng Công nghệ thông tin"), (SelfReviewFlow.FullNameInput, ""));

        Assert.True(refused.Says(SelfReviewFlowTexts.InvalidDate));
        Assert.True(refused.Says("Họ và tên: đồng chí chưa viết."));
        Assert.Equal("ngày mười", refused.ValueOf(SelfReviewFlow.DateOfBirthInput));
        Assert.Equal("Phòng Công nghệ thông tin", refused.ValueOf(SelfReviewFlow.WorkUnitInput));
        Assert.Null(refused.ValueOf(SelfReviewFlow.FullNameInput));
    }

    [Fact]
    public async Task XemLai_EditButton_OpensThatPartAndReturnsToTheSummaryWithTheChange()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        await session.WalkToSummaryAsync(identity);

        var summary = await session.SayForCardAsync("xem lại");
        var remedy = await session.AnswerWithAsync(summary, summary.Press(summary.Button("Sửa mục III")));
        var back = await session.AnswerAsync(remedy, (SelfReviewFlow.TextInput, "Đã khắc phục xong."), (SelfReviewFlow.GradeInput, "Excellent"));
        var review = await World.ReviewOfAsync(Email);

        Assert.Equal(SelfReviewFlow.SummaryStep, summary.Step);
        Assert.Equal(SelfReviewFlow.RemedyStep, remedy.Step);
        Assert.Equal(TestAnswers.RemedyText, remedy.ValueOf(SelfReviewFlow.TextInput));
        Assert.Equal("Lưu, về bản tổng hợp", remedy.Buttons.Single()["title"]!.GetValue<string>());
        Assert.Equal(SelfReviewFlow.SummaryStep, back.Step);
        Assert.True(back.Says("Đã khắc phục xong."));
        Assert.True(back.Says("Tự đánh giá: Xuất sắc"));
        Assert.Equal(new GradedAnswer("Đã khắc phục xong.", Core.Rules.CriterionGrade.Excellent), review.Answers.Remedy);
    }

    [Fact]
    public async Task Nop_WhileSectionsAreMissing_NamesThemAndShowsTheSummary()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        await session.WalkToAsync(identity, SelfReviewFlow.ShortcomingsStep);

        var refused = await session.SayForCardAsync("nộp");
        var review = await World.ReviewOfAsync(Email);

        Assert.Equal(
            "Chưa nộp được vì còn thiếu: II. Hạn chế, khuyết điểm và nguyên nhân; III. Kết quả khắc phục hạn chế, khuyết điểm; "
            + "VI. Phương hướng, biện pháp khắc phục; VII. Tự nhận mức xếp loại chất lượng.",
            refused.Text);
        Assert.Equal(SelfReviewFlow.SummaryStep, refused.Step);
        Assert.Equal(SelfReviewStatus.InProgress, review.Status);
    }

    [Fact]
    public async Task Nop_Complete_SubmitsAtOnceAndSaysSoWhenAskedAgain()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        await session.WalkToSummaryAsync(identity);

        var submitted = await session.SayForCardAsync("nộp");
        var again = await session.SayForCardAsync("nộp");
        var review = await World.ReviewOfAsync(Email);

        Assert.True(submitted.Says("Đã nộp bản tự kiểm điểm năm 2026"));
        Assert.Equal(SelfReviewStatus.Submitted, review.Status);
        Assert.StartsWith("Bản tự kiểm điểm đã được nộp lúc 08:00 ngày 02/03/2026", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerCard_AfterTheMeetingStarted_IsRefusedWithTheTypedTextKeptAndAcceptedAfterAnUnlock()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var measures = await session.WalkToAsync(identity, SelfReviewFlow.MeasuresStep);

        MeetingStarts();
        var refused = await session.RefusedAsync(measures, (SelfReviewFlow.TextInput, "Biện pháp mới"));
        var summary = await session.SayForCardAsync("xem lại");
        var locked = await World.ReviewOfAsync(Email);
        var secretary = await World.MemberAsync(TechnologySecretaryEmail);
        await Host.InScopeAsync(services => services.GetRequiredService<ISelfReviewService>()
            .UnlockAsync(locked.ReviewId, secretary.Id, "Bổ sung theo đề nghị của chi ủy", CancellationToken.None));
        var reopened = await session.SayForCardAsync("xem lại");
        var measuresAgain = await session.AnswerWithAsync(reopened, reopened.Press(reopened.Button("Sửa mục VI")));
        var back = await session.AnswerAsync(measuresAgain, (SelfReviewFlow.TextInput, "Biện pháp mới"));
        var unlocked = await World.ReviewOfAsync(Email);

        Assert.True(refused.Says("Bản tự kiểm điểm đã khóa vì cuộc họp kiểm điểm của chi bộ đã bắt đầu lúc 08:00 ngày 05/03/2026"));
        Assert.Equal("Biện pháp mới", refused.ValueOf(SelfReviewFlow.TextInput));
        Assert.Equal(SelfReviewStatus.Locked, locked.Status);
        Assert.True(summary.Says("Đã khóa: hội nghị kiểm điểm của chi bộ đã bắt đầu"));
        Assert.DoesNotContain(summary.Buttons, b => b["title"]!.GetValue<string>().StartsWith("Sửa mục", StringComparison.Ordinal));
        Assert.Equal(SelfReviewFlow.MeasuresStep, measuresAgain.Step);
        Assert.Equal(SelfReviewFlow.SummaryStep, back.Step);
        Assert.Equal("Biện pháp mới", unlocked.Answers.Measures);
        Assert.NotEqual(SelfReviewStatus.Locked, unlocked.Status);
    }

    [Fact]
    public async Task XemLai_EditPressedAfterTheMeetingStarted_IsRefusedWithAClearLine()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var summary = await session.WalkToSummaryAsync(identity);

        MeetingStarts();
        var edit = new ReviewCard(Assert.Single(await session.PressAsync(summary, summary.Press(summary.Button("Sửa mục VI")), 1)));

        Assert.Equal(summary.Sent.SentId, edit.Sent.UpdatedActivityId);
        Assert.Equal(SelfReviewFlow.SummaryStep, edit.Step);
        Assert.True(edit.Says(SelfReviewFlowTexts.Locked));
    }

    [Fact]
    public async Task HoanThien_BeforeAndAfterTheMeeting_AddsTheAcceptedConclusionsOnlyAfter()
    {
        var session = await World.OpenAsync(Email);
        var identity = await session.SayForCardAsync("tự kiểm điểm");
        await session.WalkToSummaryAsync(identity);
        await session.SayAsync("nộp");

        var early = await session.SayAsync("hoàn thiện");
        MeetingStarts();
        var conclusions = await session.SayForCardAsync("hoàn thiện");
        var replies = await session.PressAsync(conclusions, conclusions.Press(null, (SelfReviewFlow.TextInput, "Tiếp thu ý kiến về việc cập nhật văn bản.")), 2);
        var review = await World.ReviewOfAsync(Email);

        Assert.Equal(SelfReviewFlowTexts.CompleteBeforeMeeting, early.Activity.Text);
        Assert.Equal(SelfReviewFlow.ConclusionsStep, conclusions.Step);
        var completed = new ReviewCard(Assert.Single(replies, r => r.UpdatedActivityId is null));
        Assert.True(completed.Says("Đã hoàn thiện bản tự kiểm điểm năm 2026"));
        Assert.Equal("Xuất file", Assert.Single(completed.Buttons)["title"]!.GetValue<string>());
        Assert.Equal("Tiếp thu ý kiến về việc cập nhật văn bản.", review.Answers.AcceptedConclusions);
        Assert.Equal(SelfReviewStatus.Locked, review.Status);
    }
}

public sealed class SqliteSelfReviewEditingTests() : SelfReviewEditingTests(StorageProvider.Sqlite);

public sealed class PostgresSelfReviewEditingTests() : SelfReviewEditingTests(StorageProvider.PostgreSQL);
