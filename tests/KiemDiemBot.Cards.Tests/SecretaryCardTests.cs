using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>What the secretary's cards show and carry, as a secretary (and Teams' size limit) would notice.</summary>
public sealed class SecretaryCardTests
{
    /// <summary>Teams refuses bigger cards; the progress card must stay under it with room for the activity around it.</summary>
    private const int CardBytesLimit = 24 * 1024;

    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void CellProgressCard_CellOf200Members_EveryPageStaysUnderTheCardSizeLimit()
    {
        var input = SecretaryCards.Progress(200);
        var pages = CellProgressCard.PageCount(200);

        for (var page = 0; page < pages; page++)
        {
            var card = CellProgressCard.Build(input with { Page = page });
            var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString(Wire));
            Assert.True(bytes < CardBytesLimit, $"Page {page + 1} of {pages} is {bytes} bytes.");
        }
        Assert.Equal(14, pages);
    }

    [Fact]
    public void CellProgressCard_CellOf200Members_ShowsTotalsForAllAndOnePageOfRows()
    {
        var card = CellProgressCard.Build(SecretaryCards.Progress(200) with { Page = 1 });
        var texts = CardJson.VisibleTexts(card).ToList();

        Assert.Contains(texts, t => t.Contains("**16. Nguyễn Thị Phương Thảo 16**", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("**30. Nguyễn Thị Phương Thảo 30**", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("**15. ", StringComparison.Ordinal) || t.Contains("**31. ", StringComparison.Ordinal));
        Assert.Contains("Trang 2/14: đảng viên thứ 16 đến 30 trong 200.", texts);
        var facts = card["body"]!.AsArray().OfType<JsonObject>().Single(e => CardJson.TypeOf(e) == "FactSet")["facts"]!.AsArray();
        Assert.Equal("50", (string?)facts.Single(f => (string?)f!["title"] == "Chưa bắt đầu")!["value"]);
        Assert.Equal("40", (string?)facts.Single(f => (string?)f!["title"] == "Chưa liên lạc được qua bot")!["value"]);
    }

    [Fact]
    public void CellProgressCard_MemberWithMissingComments_HasButtonsThatMarkEachReceived()
    {
        var member = new CellProgressRow(Guid.NewGuid(), "Lê Văn Tám", CellProgressStatus.InProgress, CommentProgress.Missing, CommentProgress.Received, Reachable: true);
        var card = CellProgressCard.Build(new CellProgressCardInput(SecretaryCards.CellId, SecretaryCards.CycleId, 2026, "Chi bộ Văn phòng Sở", [member]));

        var submits = CardJson.SubmitActions(card).ToDictionary(a => (string)a["title"]!, a => (JsonObject)a["data"]!);

        var residence = submits["Đã nhận 3-213"];
        Assert.Equal(CardVerbs.MarkReviewComment, (string?)residence[CardDataKeys.Verb]);
        Assert.Equal(member.MemberId.ToString(), (string?)residence[CardDataKeys.MemberId]);
        Assert.Equal(CellProgressCard.ResidenceComment, (string?)residence[CardDataKeys.Comment]);
        Assert.True((bool)residence[CardDataKeys.Received]!);
        Assert.Equal(SecretaryCards.CellId.ToString(), (string?)residence[CardDataKeys.Cell]);
        var undo = submits["Bỏ nhận NX tạm thời"];
        Assert.Equal(CellProgressCard.TemporaryCellComment, (string?)undo[CardDataKeys.Comment]);
        Assert.False((bool)undo[CardDataKeys.Received]!);
        var proxy = submits["Nhập hộ"];
        Assert.Equal(CardVerbs.EnterSelfReviewByProxy, (string?)proxy[CardDataKeys.Verb]);
        Assert.Equal(member.MemberId.ToString(), (string?)proxy[CardDataKeys.MemberId]);
        Assert.Equal(CardVerbs.RemindCell, (string?)submits["Nhắc ngay"][CardDataKeys.Verb]);
    }

    [Fact]
    public void CellProgressCard_EveryoneSubmitted_OffersNoReminderNorProxyEntry()
    {
        var card = CardCatalog.Get("progress-all-done");

        var titles = CardJson.SubmitActions(card).Select(a => (string)a["title"]!).ToList();

        Assert.DoesNotContain("Nhắc ngay", titles);
        Assert.DoesNotContain("Nhập hộ", titles);
        Assert.Contains("Làm mới", titles);
    }

    [Fact]
    public void CellProgressCard_MeetingStarted_OffersUnlockOnEachLockedRowOnly()
    {
        var locked = new CellProgressRow(Guid.NewGuid(), "Lê Văn Tám", CellProgressStatus.Locked, CommentProgress.NotExpected, CommentProgress.NotExpected, Reachable: true);
        var submitted = new CellProgressRow(Guid.NewGuid(), "Đỗ Thị Trang", CellProgressStatus.Submitted, CommentProgress.NotExpected, CommentProgress.NotExpected, Reachable: true);
        var temporary = locked with { MemberId = Guid.NewGuid(), FullName = "Ngô Thị Bích Ngọc", IsTemporaryHere = true };
        var card = CellProgressCard.Build(new CellProgressCardInput(SecretaryCards.CellId, SecretaryCards.CycleId, 2026, "Chi bộ Văn phòng Sở", [locked, submitted, temporary]));

        var unlock = Assert.Single(CardJson.SubmitActions(card), a => (string?)a["title"] == "Mở khóa");

        var data = (JsonObject)unlock["data"]!;
        Assert.Equal(CardVerbs.UnlockSelfReview, (string?)data[CardDataKeys.Verb]);
        Assert.Equal(locked.MemberId.ToString(), (string?)data[CardDataKeys.MemberId]);
        Assert.Equal(SecretaryCards.CellId.ToString(), (string?)data[CardDataKeys.Cell]);
        Assert.Equal(SecretaryCards.CycleId.ToString(), (string?)data[CardDataKeys.Cycle]);
        Assert.Equal(0, (int)data[CardDataKeys.Page]!);
        Assert.DoesNotContain(CardJson.SubmitActions(card), a => (string?)a["title"] == "Nhập hộ");
    }

    [Fact]
    public void OpenCycleCard_SeedDeadlines_ArePrefilledAsDateInputs()
    {
        var card = CardCatalog.Get("open-cycle");

        var inputs = CardJson.Objects(card).Where(o => CardJson.TypeOf(o)?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .ToDictionary(o => (string)o["id"]!);

        Assert.Equal(2026, (int)inputs[OpenCycleCard.YearInput]["value"]!);
        Assert.Equal("HD21-2022", (string?)inputs[OpenCycleCard.RuleSetInput]["value"]);
        Assert.Equal("Input.Date", CardJson.TypeOf(inputs["deadline_CellReview"]));
        Assert.Equal("2026-12-01", (string?)inputs["deadline_CellReview"]["value"]);
        Assert.Null(inputs["deadline_ReportsUp"]["value"]);
    }

    [Fact]
    public void MeetingDatesCard_EachBody_HasADateAndATimeInputNamedByItsKey()
    {
        var card = CardCatalog.Get("meeting-dates");

        var inputs = CardJson.Objects(card).Where(o => CardJson.TypeOf(o) is "Input.Date" or "Input.Time").ToDictionary(o => (string)o["id"]!);

        Assert.Equal(6, inputs.Count);
        Assert.Equal("2026-11-26", (string?)inputs[MeetingDatesCard.DateInputId("c3")]["value"]);
        Assert.Equal("14:00", (string?)inputs[MeetingDatesCard.TimeInputId("c3")]["value"]);
        Assert.Null(inputs[MeetingDatesCard.TimeInputId("b2")]["value"]);
        Assert.Contains("Hạn hoàn thành kiểm điểm: trước ngày 01/12/2026", CardJson.VisibleTexts(card));
    }

    [Fact]
    public void CycleOpenedReportCard_ManyUnreachable_ListsTheFirstAndCountsTheRest()
    {
        var card = CardCatalog.Get("cycle-opened-report-unreachable");

        var texts = string.Join("\n", CardJson.VisibleTexts(card));

        Assert.Contains("Đã gửi thông báo tới 9955 đảng viên.", texts, StringComparison.Ordinal);
        Assert.Contains("45 đảng viên chưa nhận được thông báo", texts, StringComparison.Ordinal);
        Assert.Contains("- Đảng viên số 30", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Đảng viên số 31", texts, StringComparison.Ordinal);
        Assert.Contains("- và 15 đồng chí khác", texts, StringComparison.Ordinal);
    }

    [Fact]
    public void CycleOpenedAndReminderCards_TheirButton_StartsTheSelfReview()
    {
        foreach (var name in new[] { "cycle-opened", "reminder-with-meeting" })
        {
            var submit = Assert.Single(CardJson.SubmitActions(CardCatalog.Get(name)));
            Assert.Equal(CardVerbs.StartSelfReview, (string?)submit["data"]![CardDataKeys.Verb]);
        }
        Assert.Contains("Chi bộ họp kiểm điểm lúc 08:00 ngày 25/11/2026.", CardJson.VisibleTexts(CardCatalog.Get("reminder-with-meeting")));
    }
}
