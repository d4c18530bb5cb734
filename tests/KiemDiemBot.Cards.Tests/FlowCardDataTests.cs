using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

public sealed class FlowCardDataTests
{
    private static readonly Guid Owner = Guid.Parse("8f0c6a52-1d3e-4b7a-9c55-0e2f4a6b8d10");
    private static readonly Guid Cycle = Guid.Parse("2b9d7e14-5a6c-4f80-b3d2-7c1e9a0f6b45");

    [Fact]
    public void StampOnto_CardWithNestedButtons_StampsEveryButtonAndKeepsItsOwnData()
    {
        var card = QuestionCard.Build(new QuestionCardInput("Bước 1", "Họ và tên?", "name"));
        card["body"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Khác", ["data"] = "plain" }),
        });

        new FlowCardData("sample", "name", 4, Owner, Cycle).StampOnto(card);

        var submits = CardJson.SubmitActions(card).ToList();
        Assert.Equal(2, submits.Count);
        Assert.All(submits, submit =>
        {
            var data = FlowCardData.TryRead(submit["data"]!.AsObject());
            Assert.Equal(new FlowCardData("sample", "name", 4, Owner, Cycle), data);
        });
        Assert.Equal(QuestionCard.CardVersion, (int)card["actions"]![0]!["data"]![CardDataKeys.CardVersion]!);
    }

    [Fact]
    public void StampOnto_ButtonOfAnotherDialog_IsLeftAsItIs()
    {
        var card = SelfReviewSubmittedCard.Build(new SelfReviewSubmittedCardInput("Đã nộp", "Đã nộp lúc 08:00."));
        var before = card.DeepClone();

        new FlowCardData("self-review", "summary", 4, Owner, Cycle).StampOnto(card);

        Assert.True(JsonNode.DeepEquals(before, card));
        Assert.Equal(CardVerbs.ExportSelfReview, (string?)CardJson.SubmitActions(card).Single()["data"]![CardDataKeys.Verb]);
    }

    [Fact]
    public void TryRead_SubmitAsPostedBack_ReadsDataWithInputValuesAround()
    {
        // A channel posts the button's data merged with the inputs' values, as JSON text.
        var card = new FlowCardData("sample", "name", 2, Owner, Guid.Empty)
            .StampOnto(QuestionCard.Build(new QuestionCardInput("Bước 1", "Họ và tên?", "name")));
        var posted = JsonNode.Parse(CardJson.SubmitActions(card).Single()["data"]!.ToJsonString())!.AsObject();
        posted["name"] = "Trần Văn An";

        var data = FlowCardData.TryRead(posted);

        Assert.Equal(new FlowCardData("sample", "name", 2, Owner, Guid.Empty), data);
        Assert.False(posted.ContainsKey(CardDataKeys.Cycle));
    }

    [Fact]
    public void TryRead_VersionSentAsText_ReadsTheNumber()
    {
        var posted = new JsonObject
        {
            [CardDataKeys.Verb] = CardVerbs.FlowSubmit,
            [CardDataKeys.Flow] = "sample",
            [CardDataKeys.Step] = "name",
            [CardDataKeys.FlowVersion] = "7",
            [CardDataKeys.Owner] = Owner.ToString(),
        };

        Assert.Equal(7, FlowCardData.TryRead(posted)!.Version);
    }

    [Theory]
    [InlineData(CardDataKeys.Verb, "help.show")]
    [InlineData(CardDataKeys.Flow, "")]
    [InlineData(CardDataKeys.Step, null)]
    [InlineData(CardDataKeys.FlowVersion, "two")]
    [InlineData(CardDataKeys.Owner, "not-a-guid")]
    [InlineData(CardDataKeys.Cycle, "not-a-guid")]
    public void TryRead_MissingOrDamagedKey_ReturnsNull(string key, string? value)
    {
        var posted = new JsonObject
        {
            [CardDataKeys.Verb] = CardVerbs.FlowSubmit,
            [CardDataKeys.Flow] = "sample",
            [CardDataKeys.Step] = "name",
            [CardDataKeys.FlowVersion] = 1,
            [CardDataKeys.Owner] = Owner.ToString(),
        };
        posted[key] = value;

        Assert.Null(FlowCardData.TryRead(posted));
    }

    [Fact]
    public void Build_QuestionWithReservedInputId_Throws()
    {
        Assert.Throws<ArgumentException>(() => QuestionCard.Build(new QuestionCardInput("Bước 1", "Họ và tên?", CardDataKeys.Owner)));
    }
}
