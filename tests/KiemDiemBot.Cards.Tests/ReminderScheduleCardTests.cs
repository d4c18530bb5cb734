using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>What the reminder schedule and the unreachable list show and carry, as a secretary would notice.</summary>
public sealed class ReminderScheduleCardTests
{
    private const int CardBytesLimit = 24 * 1024;

    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void ReminderScheduleCard_MeetingOnMonday_EachMomentShowsTheWeekdayDateTimeOnceAndWhatGoesOut()
    {
        var texts = CardJson.VisibleTexts(ReminderScheduleCard.Build(ReminderScheduleCards.Schedule(members: 3, paused: 0))).ToList();

        Assert.Contains("**Thứ Sáu, 06/03/2026** · 08:00", texts);
        Assert.Contains("Nhắc đảng viên chưa nộp bản tự kiểm điểm (1 ngày làm việc trước buổi họp Thứ Hai, 09/03/2026)", texts);
        Assert.Contains("**Thứ Tư, 04/03/2026** · 08:00", texts);
        Assert.Contains("Gửi dự thảo báo cáo kiểm điểm tập thể tới người dự họp (3 ngày làm việc trước buổi họp Thứ Hai, 09/03/2026)", texts);
        Assert.Contains("Nhắc đảng viên còn chậm, đã quá hạn chót Thứ Hai, 30/11/2026", texts);
        Assert.Contains("Nhắc bí thư thời hạn “Chi bộ hoàn thành kiểm điểm” (1 ngày làm việc trước hạn chót Thứ Hai, 30/11/2026)", texts);
        Assert.Single(texts, t => t == "**Thứ Hai, 02/03/2026** · 08:00 · Đã gửi");
        Assert.Contains("Gửi bí thư danh sách chưa hoàn thành (5 ngày làm việc trước buổi họp Thứ Hai, 09/03/2026)", texts);
    }

    [Fact]
    public void ReminderScheduleCard_TwoPaused_ListsThemAndPreselectsThemInThePauseChoice()
    {
        var input = ReminderScheduleCards.Schedule(members: 4, paused: 2);

        var card = ReminderScheduleCard.Build(input);

        Assert.Contains("Đang tạm dừng nhắc: Nguyễn Văn Đảng Viên 1, Nguyễn Văn Đảng Viên 2.", CardJson.VisibleTexts(card));
        var choice = CardJson.Objects(card).Single(o => CardJson.TypeOf(o) == "Input.ChoiceSet");
        Assert.Equal(CardDataKeys.PausedMembers, (string?)choice["id"]);
        Assert.True((bool)choice["isMultiSelect"]!);
        Assert.Equal(string.Join(",", input.Members.Take(2).Select(m => m.MemberId.ToString("D"))), (string?)choice["value"]);
        Assert.Equal(4, choice["choices"]!.AsArray().Count);
        var save = CardJson.SubmitActions(card).Single(a => (string?)a["title"] == "Lưu");
        Assert.Equal(CardVerbs.SaveReminderPauses, (string?)save["data"]![CardDataKeys.Verb]);
        Assert.Equal(SecretaryCards.CellId.ToString(), (string?)save["data"]![CardDataKeys.Cell]);
        Assert.Equal(SecretaryCards.CycleId.ToString(), (string?)save["data"]![CardDataKeys.Cycle]);
    }

    [Fact]
    public void ReminderScheduleCard_NobodyPaused_SaysSoAndPreselectsNobody()
    {
        var card = ReminderScheduleCard.Build(ReminderScheduleCards.Schedule(members: 3, paused: 0));

        Assert.Contains("Chưa tạm dừng nhắc đồng chí nào.", CardJson.VisibleTexts(card));
        Assert.Null(CardJson.Objects(card).Single(o => CardJson.TypeOf(o) == "Input.ChoiceSet")["value"]);
    }

    [Fact]
    public void ReminderScheduleCard_CellOf200Members_StaysUnderTheCardSizeLimit()
    {
        var card = ReminderScheduleCard.Build(ReminderScheduleCards.Schedule(members: 200, paused: 30));

        var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString(Wire));
        Assert.True(bytes < CardBytesLimit, $"The card is {bytes} bytes.");
    }

    [Fact]
    public void UnreachableMembersCard_ThreeUnreachable_NumbersThemSaysWhatToDoAndCountsTheOthers()
    {
        var card = ReminderScheduleCards.All().Single(c => c.Name == "unreachable-members").Card;
        var texts = CardJson.VisibleTexts(card).ToList();

        Assert.Contains("1.\u00A0Ngô Thị Bích Ngọc\r2.\u00A0Nguyễn Văn Hùng\r3.\u00A0Phan Văn Long", texts);
        Assert.Contains(texts, t => t.StartsWith("Bot chưa gửi được tin nhắn cho 3 đồng chí dưới đây", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("tìm “Kiểm điểm”", StringComparison.Ordinal));
        Assert.Contains("Bot đã liên lạc được với 5 đồng chí khác của chi bộ.", texts);
    }

    [Fact]
    public void UnreachableMembersCard_EveryoneReachable_SaysAllAreReached()
    {
        var card = ReminderScheduleCards.All().Single(c => c.Name == "unreachable-members-none").Card;

        Assert.Contains("Bot đã liên lạc được với tất cả 8 đồng chí của chi bộ.", CardJson.VisibleTexts(card));
    }

    [Theory]
    [InlineData(2026, 3, 9, "Thứ Hai, 09/03/2026")]
    [InlineData(2026, 2, 22, "Chủ nhật, 22/02/2026")]
    [InlineData(2026, 12, 31, "Thứ Năm, 31/12/2026")]
    public void VietnameseDaysFormat_Date_GivesTheWeekdayAndTheDate(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, VietnameseDays.Format(new DateOnly(year, month, day)));
    }
}
