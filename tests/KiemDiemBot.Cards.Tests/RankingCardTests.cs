using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>What the decision cards show and carry, as the secretary (and the member told of a re-ranking) would notice.</summary>
public sealed class RankingCardTests
{
    [Fact]
    public void RankingAdoptionCheckCard_CapExceeded_ShowsTheNumbersAndOpensTheApprovalBallotForTheBody()
    {
        var card = RankingAdoptionCheckCard.Build(RankingCards.Check([RankingCards.CapLine], canOpenApproval: true));

        var texts = CardJson.VisibleTexts(card).ToList();
        Assert.Contains(RankingCards.CapLine, texts);
        Assert.Contains(texts, t => t.Contains("giữ tối đa 2 trường hợp", StringComparison.Ordinal));
        var submits = CardJson.SubmitActions(card).ToDictionary(a => (string)a["title"]!, a => (JsonObject)a["data"]!);
        var approval = submits["Mở biểu quyết HTXSNV"];
        Assert.Equal(CardVerbs.OpenApprovalBallot, (string?)approval[CardDataKeys.Verb]);
        Assert.Equal(RankingCards.CycleId.ToString(), (string?)approval[CardDataKeys.Cycle]);
        Assert.Equal(RankingCards.BodyId.ToString(), (string?)approval[CardDataKeys.Body]);
        Assert.Equal(CardVerbs.AdoptResults, (string?)submits["Kiểm tra lại"][CardDataKeys.Verb]);
        Assert.False(submits.ContainsKey("Thông qua"));
    }

    [Fact]
    public void RankingAdoptionCheckCard_NothingBlocks_OffersToAdoptAndNoApproval()
    {
        var card = RankingAdoptionCheckCard.Build(RankingCards.Check([], canOpenApproval: false));

        var submit = Assert.Single(CardJson.SubmitActions(card));
        Assert.Equal("Thông qua", (string?)submit["title"]);
        Assert.Equal(CardVerbs.AdoptResults, (string?)submit["data"]![CardDataKeys.Verb]);
        Assert.Contains("Mọi kết quả đã đủ điều kiện thông qua.", CardJson.VisibleTexts(card));
    }

    [Fact]
    public void RankingAdoptedCard_NameDroppedByTheApprovalBallot_SaysSoBesideTheLevel()
    {
        var card = RankingCards.All().Single(c => c.Name == "ranking-adopted").Card;

        var facts = CardJson.Objects(card).Where(o => CardJson.TypeOf(o) == "FactSet").SelectMany(f => f["facts"]!.AsArray()).ToList();
        Assert.Equal("Hoàn thành tốt nhiệm vụ (không được giữ Hoàn thành xuất sắc nhiệm vụ qua biểu quyết chọn)",
            (string?)facts.Single(f => (string?)f!["title"] == "Phạm Thị Hương")!["value"]);
        Assert.Equal("Hoàn thành tốt nhiệm vụ", (string?)facts.Single(f => (string?)f!["title"] == "Lê Minh Tuấn")!["value"]);
        Assert.Contains("Chi bộ Phòng Công nghệ thông tin", CardJson.VisibleTexts(card));
    }

    [Fact]
    public void PaperTallyCard_RankingBallot_HasABoxPerAllowedLevelOnly()
    {
        var card = PaperTallyCard.Build(RankingCards.Paper(isApproval: false));

        var ids = Inputs(card).Select(i => (string)i["id"]!).ToList();
        Assert.Contains(PaperTallyCard.BallotsInputId, ids);
        Assert.Equal(4, ids.Count(id => id.EndsWith(RankingCards.SubjectId.ToString("N"), StringComparison.Ordinal)));
        var long_ = Guid.Parse("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
        Assert.Equal([PaperTallyCard.InputId(long_, "1")], ids.Where(id => id.EndsWith(long_.ToString("N"), StringComparison.Ordinal)));
        Assert.Equal(CardVerbs.FlowSubmit, (string?)Assert.Single(CardJson.SubmitActions(card))["data"]![CardDataKeys.Verb]);
    }

    [Fact]
    public void PaperTallyCard_ApprovalBallot_HasAgreeAndDisagreePerName()
    {
        var card = PaperTallyCard.Build(RankingCards.Paper(isApproval: true));

        var boxes = Inputs(card).Where(i => ((string)i["id"]!).EndsWith(RankingCards.SubjectId.ToString("N"), StringComparison.Ordinal)).ToList();
        Assert.Equal(["Đồng ý", "Không đồng ý"], boxes.Select(b => (string?)b["label"]));
    }

    [Fact]
    public void ReRankCard_Always_RequiresTheSubjectLevelAndAReasonWithItsLimit()
    {
        var card = ReRankCard.Build(RankingCards.ReRank([]));

        var inputs = Inputs(card).ToDictionary(i => (string)i["id"]!);
        Assert.All(inputs.Values, i => Assert.True((bool?)i["isRequired"]));
        Assert.Equal(2000, (int?)inputs[ReRankCard.ReasonInputId]["maxLength"]);
        Assert.Equal(4, inputs[ReRankCard.LevelInputId]["choices"]!.AsArray().Count);
    }

    [Fact]
    public void RankingChangedCard_Always_TellsTheNewLevelAndTheReason()
    {
        var card = RankingCards.All().Single(c => c.Name == "ranking-changed").Card;

        var texts = CardJson.VisibleTexts(card).ToList();
        Assert.Contains("Đảng bộ Sở Thông tin và Truyền thông đã xếp loại lại chất lượng năm 2026 của đồng chí: từ **Hoàn thành tốt nhiệm vụ** thành **Hoàn thành nhiệm vụ**.", texts);
        Assert.Contains("Lý do: Phát hiện khuyết điểm sau khi xếp loại.", texts);
        Assert.Empty(CardJson.Actions(card));
    }

    private static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        CardJson.Objects(card).Where(o => CardJson.TypeOf(o)?.StartsWith("Input.", StringComparison.Ordinal) == true);
}
