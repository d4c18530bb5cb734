namespace KiemDiemBot.Cards.Tests;

/// <summary>What the automatic reminders say and carry, as a member or a secretary would notice.</summary>
public sealed class ReminderCardTests
{
    [Fact]
    public void ReviewReminderCard_NotStartedBeforeMeeting_SaysWhatIsMissingTheMeetingAndDaysLeft()
    {
        var texts = CardJson.VisibleTexts(CardCatalog.Get("reminder-auto-not-started-meeting")).ToList();

        Assert.Contains("Đồng chí chưa bắt đầu viết bản tự kiểm điểm.", texts);
        Assert.Contains("Chi bộ họp kiểm điểm lúc 08:00 ngày 26/11/2026.", texts);
        Assert.Contains("Còn 3 ngày làm việc đến cuộc họp.", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("Hạn nộp", StringComparison.Ordinal));
    }

    [Fact]
    public void ReviewReminderCard_InProgressWithoutMeeting_SaysTheDueDay()
    {
        var texts = CardJson.VisibleTexts(CardCatalog.Get("reminder-auto-in-progress-due-day")).ToList();

        Assert.Contains("Bản tự kiểm điểm của đồng chí đang viết dở, chưa nộp.", texts);
        Assert.Contains("Hạn nộp: ngày 30/11/2026.", texts);
        Assert.Contains("Còn 1 ngày làm việc đến hạn nộp.", texts);
    }

    [Theory]
    [InlineData("reminder-auto-not-started-meeting")]
    [InlineData("reminder-overdue")]
    public void ReviewReminderCard_AnyVariant_ContinueButtonStartsTheSelfReviewFlow(string name)
    {
        var button = Assert.Single(CardJson.SubmitActions(CardCatalog.Get(name)));

        Assert.Equal("Tiếp tục", (string?)button["title"]);
        Assert.Equal(CardVerbs.StartSelfReview, (string?)button["data"]![CardDataKeys.Verb]);
    }

    [Fact]
    public void ReviewReminderCard_Overdue_SaysTheDueDayPassed()
    {
        var texts = CardJson.VisibleTexts(CardCatalog.Get("reminder-overdue")).ToList();

        Assert.Contains("Quá hạn nộp bản tự kiểm điểm năm 2026", texts);
        Assert.Contains(texts, t => t.StartsWith("Hạn nộp bản tự kiểm điểm là ngày 30/11/2026 và đã qua.", StringComparison.Ordinal));
    }

    [Fact]
    public void BodyDeadlineCard_WithMissingLines_SaysDeadlineDateAndEachLine()
    {
        var texts = CardJson.VisibleTexts(CardCatalog.Get("deadline-missing")).ToList();

        Assert.Contains("Sắp đến hạn: Đảng bộ cơ sở hoàn thành kiểm điểm", texts);
        Assert.Contains("Đảng bộ cơ sở mẫu cần hoàn thành trước ngày 10/12/2026 (hạn cuối là ngày 09/12/2026).", texts);
        Assert.Contains(texts, t => t.Contains("- Chi bộ Văn phòng Sở chưa họp kiểm điểm.", StringComparison.Ordinal));
    }

    [Fact]
    public void CellProgressCard_Digest_KeepsRemindNowAndSaysWhatIsMissing()
    {
        var card = CardCatalog.Get("digest");

        Assert.Contains(CardJson.SubmitActions(card), a => (string?)a["title"] == "Nhắc ngay");
        Assert.Contains(CardJson.VisibleTexts(card), t => t.StartsWith("Nhắc việc tự động: 1 đồng chí chưa nộp bản tự kiểm điểm, 3 nhận xét còn thiếu.", StringComparison.Ordinal));
    }
}
