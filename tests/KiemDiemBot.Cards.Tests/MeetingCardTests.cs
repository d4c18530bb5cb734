using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

public sealed class MeetingCardTests
{
    [Fact]
    public void Build_ScheduleCard_OffersTheRosterAsMultiSelectsWithEveryoneTickedAndTheRulesChair()
    {
        var card = MeetingScheduleCard.Build(MeetingCards.Schedule());

        var participants = Input(card, MeetingScheduleCard.ParticipantsInput);
        var coChairs = Input(card, MeetingScheduleCard.CoChairsInput);
        Assert.True((bool?)participants["isMultiSelect"]);
        Assert.Equal("a1,b2,c3", (string?)participants["value"]);
        Assert.Equal("a1", (string?)coChairs["value"]);
        Assert.Equal(["Phạm Thị Hương", "Đỗ Thị Thu Trang (dự bị)", "Đặng Văn Thành (miễn công tác và sinh hoạt)"],
            participants["choices"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.DoesNotContain(CardJson.Objects(card), n => (string?)n["id"] == MeetingScheduleCard.DraftApprovedInput);
        Assert.Contains(CardJson.VisibleTexts(card), text => text.StartsWith("Teams không cho đính kèm tệp vào thẻ", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ScheduleCardWhenSuggestionsWereGiven_AsksForTheSuperiorsApproval()
    {
        var card = MeetingScheduleCard.Build(MeetingCards.Schedule() with { AsksDraftApproval = true, DraftApproved = true });

        var toggle = Input(card, MeetingScheduleCard.DraftApprovedInput);
        Assert.Equal("Input.Toggle", (string?)toggle["type"]);
        Assert.Equal("true", (string?)toggle["value"]);
        Assert.Equal("Thường trực cấp ủy cấp trên đã duyệt dự thảo", (string?)toggle["title"]);
    }

    [Fact]
    public void Build_MeetingCard_CarriesTheMeetingOnBothButtons()
    {
        var card = MeetingCard.Build(MeetingCards.Meeting());

        var submits = CardJson.SubmitActions(card).ToList();
        Assert.Equal([CardVerbs.ShowAgenda, CardVerbs.CancelMeeting], submits.Select(s => (string?)s["data"]![CardDataKeys.Verb]));
        Assert.All(submits, s => Assert.Equal(MeetingCards.MeetingId.ToString("D"), (string?)s["data"]![CardDataKeys.Meeting]));
        Assert.Equal(["Xem chương trình họp", "Hủy cuộc họp"], submits.Select(s => (string?)s["title"]));
    }

    [Fact]
    public void Build_ScheduleCardWithAKeyThatIsNotLettersAndDigits_Throws()
    {
        var input = MeetingCards.Schedule() with { Roster = [new MeetingPersonChoice("a,1", "Phạm Thị Hương")] };

        Assert.Throws<ArgumentException>(() => MeetingScheduleCard.Build(input));
    }

    private static JsonObject Input(JsonObject card, string id) =>
        CardJson.Objects(card).Single(n => (string?)n["id"] == id);
}
