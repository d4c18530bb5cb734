using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>What the ballot cards show and carry, as a voter or a secretary (and Teams' size limit) would notice.</summary>
public sealed class BallotCardTests
{
    /// <summary>Teams refuses a message above 28 KB; the card must leave room for the activity around it.</summary>
    private const int TeamsMessageLimit = 28 * 1024;

    [Fact]
    public void BallotCard_FortySubjectsWithCaps_StaysUnderTeamsMessageLimit()
    {
        var card = BallotCard.Build(BallotCards.Ballot(40, capEvery: 4));

        var bytes = BallotCard.ByteSize(card);

        Assert.True(bytes < 17 * 1024, $"A ballot of 40 subjects is {bytes} bytes.");
        Assert.True(BallotCard.MaxBytes < TeamsMessageLimit);
        Assert.Equal(40, Inputs(card).Count());
    }

    [Fact]
    public void BallotCard_SeventySubjectsWithCaps_IsAboveTheLimitTheSetupRefuses()
    {
        // One submit casts the whole ballot, so it is never split into pages: a ballot holds what fits in one message.
        // About 400 bytes a subject with long names and a cap on every fourth: 60 fit, 70 do not.
        Assert.True(BallotCard.ByteSize(BallotCard.Build(BallotCards.Ballot(60, capEvery: 4))) < BallotCard.MaxBytes);
        Assert.True(BallotCard.ByteSize(BallotCard.Build(BallotCards.Ballot(70, capEvery: 4))) > BallotCard.MaxBytes);
    }

    [Fact]
    public void BallotCard_CappedSubject_OffersOnlyTheAllowedLevelsWithTheReasonUnderTheName()
    {
        var card = BallotCard.Build(BallotCards.Ballot(4, capEvery: 4));

        var capped = Inputs(card).Single(i => (string?)i["id"] == BallotCard.InputId(BallotCards.Subject(3)));
        var free = Inputs(card).Single(i => (string?)i["id"] == BallotCard.InputId(BallotCards.Subject(0)));

        Assert.Equal(["KHTNV"], Titles(capped));
        Assert.Equal(["HTXSNV", "HTTNV", "HTNV", "KHTNV"], Titles(free));
        Assert.Equal("4. Nguyễn Thị Phương Thảo Ngọc Hân 4", (string?)capped["label"]);
        var body = card["body"]!.AsArray();
        Assert.Equal(BallotCards.CapReason, (string?)body[body.IndexOf(capped) + 1]!["text"]);
        Assert.Equal("Input.ChoiceSet", CardJson.TypeOf((JsonObject)body[body.IndexOf(free) + 1]!));
    }

    [Fact]
    public void BallotCard_Inputs_AreCompactRequiredChoicesKeyedBySubjectWithOneSubmitNamingTheBallot()
    {
        var card = BallotCard.Build(BallotCards.Ballot(3, capEvery: 0));

        Assert.All(Inputs(card), input =>
        {
            Assert.Equal("Input.ChoiceSet", CardJson.TypeOf(input));
            Assert.Equal("compact", (string?)input["style"]);
            Assert.True((bool)input["isRequired"]!);
            Assert.StartsWith(CardDataKeys.SubjectPrefix, (string)input["id"]!, StringComparison.Ordinal);
            Assert.Null(input["value"]);
        });
        var submit = Assert.Single(CardJson.SubmitActions(card));
        Assert.Equal("Bỏ phiếu", (string?)submit["title"]);
        Assert.Equal(CardVerbs.CastBallot, (string?)submit["data"]![CardDataKeys.Verb]);
        Assert.Equal(BallotCards.BallotId.ToString(), (string?)submit["data"]![CardDataKeys.Ballot]);
        Assert.Contains("HTXSNV: Hoàn thành xuất sắc nhiệm vụ", string.Join("\n", CardJson.VisibleTexts(card)), StringComparison.Ordinal);
    }

    [Fact]
    public void BallotCard_Approval_OffersAgreeOrDisagreePerName()
    {
        var card = BallotCard.Build(BallotCards.Ballot(3, capEvery: 0) with { IsApproval = true, Seats = 2, Legend = [] });

        Assert.All(Inputs(card), input => Assert.Equal(["Đồng ý", "Không đồng ý"], Titles(input)));
        Assert.Equal([BallotCard.AgreeValue, BallotCard.DisagreeValue], Inputs(card).First()["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Contains("Được giữ nhiều nhất 2 đồng chí.", CardJson.VisibleTexts(card));
        Assert.Equal(CardVerbs.CastBallot, (string?)Assert.Single(CardJson.SubmitActions(card))["data"]![CardDataKeys.Verb]);
    }

    [Fact]
    public void BallotCastCard_AfterCasting_ShowsNoChoiceAndNoButton()
    {
        var card = BallotCastCard.Build(new BallotCastCardInput("Chi bộ Văn phòng Sở", 1));

        var texts = string.Join("\n", CardJson.VisibleTexts(card));
        Assert.StartsWith("Đã nhận phiếu của đồng chí", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("HTXSNV", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàn thành", texts, StringComparison.Ordinal);
        Assert.Empty(CardJson.Actions(card));
        Assert.DoesNotContain(CardJson.Objects(card), o => CardJson.TypeOf(o)?.StartsWith("Input.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void BallotStatusCard_Open_ShowsTheCountAndCloseAndClosedShowsTheResultButton()
    {
        var open = BallotStatusCard.Build(new BallotStatusCardInput(BallotCards.BallotId, "Chi bộ Văn phòng Sở", false, 1, 10, 3, 9, IsOpen: true));
        var closed = BallotStatusCard.Build(new BallotStatusCardInput(BallotCards.BallotId, "Chi bộ Văn phòng Sở", false, 1, 10, 9, 9, IsOpen: false));

        Assert.Contains("Đã bỏ phiếu 3/9", CardJson.VisibleTexts(open));
        var close = Assert.Single(CardJson.SubmitActions(open));
        Assert.Equal(("Đóng phiếu", CardVerbs.CloseBallot), ((string)close["title"]!, (string)close["data"]![CardDataKeys.Verb]!));
        Assert.Equal(BallotCards.BallotId.ToString(), (string?)close["data"]![CardDataKeys.Ballot]);
        Assert.Contains("Đã bỏ phiếu 9/9", CardJson.VisibleTexts(closed));
        Assert.Contains("Đã đóng phiếu.", CardJson.VisibleTexts(closed));
        Assert.Equal(CardVerbs.ShowBallotResult, (string?)Assert.Single(CardJson.SubmitActions(closed))["data"]![CardDataKeys.Verb]);
    }

    [Fact]
    public void BallotResultCard_SubjectWithoutResult_SaysVoteAgainAndOffersTheRevoteBesideTheNextSteps()
    {
        var card = BallotResultCard.Build(BallotCards.Result(revote: true));

        var texts = CardJson.VisibleTexts(card).ToList();
        Assert.Contains("HTXSNV 3 · HTTNV 4 · HTNV 3 · KHTNV 0", texts);
        Assert.Contains("Kết quả: Hoàn thành tốt nhiệm vụ", texts);
        Assert.Contains("Chưa có kết quả — bỏ phiếu lại", texts);
        Assert.Contains("Tổng số tính tỷ lệ: 11. Phiếu qua bot: 9/10. Phiếu giấy: 1.", texts);
        var submits = CardJson.SubmitActions(card).ToDictionary(a => (string)a["title"]!, a => (JsonObject)a["data"]!);
        Assert.Equal(["Bỏ phiếu lại", "Xuất biên bản", "Danh sách xếp loại", "Thông qua kết quả"], submits.Keys);
        Assert.Equal(CardVerbs.OpenRevote, (string?)submits["Bỏ phiếu lại"][CardDataKeys.Verb]);
        Assert.Equal(CardVerbs.ExportMinutes, (string?)submits["Xuất biên bản"][CardDataKeys.Verb]);
        Assert.Equal(CardVerbs.ExportRankingList, (string?)submits["Danh sách xếp loại"][CardDataKeys.Verb]);
        var adopt = submits["Thông qua kết quả"];
        Assert.Equal(CardVerbs.AdoptResults, (string?)adopt[CardDataKeys.Verb]);
        Assert.Equal(BallotCards.CycleId.ToString(), (string?)adopt[CardDataKeys.Cycle]);
        Assert.Equal(BallotCards.BodyId.ToString(), (string?)adopt[CardDataKeys.Body]);
    }

    [Fact]
    public void BallotResultCard_EverySubjectDecided_OffersNoRevote()
    {
        var card = BallotResultCard.Build(BallotCards.Result(revote: false));

        Assert.DoesNotContain(CardJson.SubmitActions(card), a => (string?)a["data"]![CardDataKeys.Verb] == CardVerbs.OpenRevote);
        Assert.DoesNotContain("Chưa có kết quả — bỏ phiếu lại", CardJson.VisibleTexts(card));
    }

    [Fact]
    public void BallotSetupCard_ProbationaryAndExemptMembers_AreShownWithWhyButCannotBeTicked()
    {
        var card = BallotSetupCard.Build(BallotCards.Setup(3));

        var toggles = CardJson.Objects(card).Where(o => CardJson.TypeOf(o) == "Input.Toggle").ToList();
        var present = toggles.Where(t => ((string)t["id"]!).StartsWith("p.", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, present.Count);
        Assert.Equal(["true", "false", "true"], present.Select(t => (string)t["value"]!));
        Assert.Equal(3, toggles.Count(t => ((string)t["id"]!).StartsWith("m.", StringComparison.Ordinal) && (string?)t["value"] == "true"));
        Assert.DoesNotContain(toggles, t => (string?)t["title"] is "Trần Văn Dự" or "Lý Thị Miễn");
        var texts = CardJson.VisibleTexts(card).ToList();
        Assert.Contains("Trần Văn Dự: đảng viên dự bị, dự họp nhưng không biểu quyết", texts);
        Assert.Contains(texts, t => t.StartsWith("Lý Thị Miễn: miễn công tác và sinh hoạt đảng", StringComparison.Ordinal));
        Assert.Contains("Đảng viên chính thức được triệu tập (trừ người miễn sinh hoạt): 3. Cần có mặt ít nhất 2 đồng chí (2/3).", texts);
        Assert.DoesNotContain(toggles, t => (string?)t["id"] == BallotSetupCard.OverrideInput);
    }

    [Fact]
    public void BallotSetupCard_BelowQuorum_AsksToConfirmTheOverride()
    {
        var card = BallotSetupCard.Build(BallotCards.Setup(3) with { AskOverride = true });

        var toggle = CardJson.Objects(card).Single(o => (string?)o["id"] == BallotSetupCard.OverrideInput);
        Assert.Equal("Xác nhận mở phiếu dù chưa đủ 2/3", (string?)toggle["title"]);
        Assert.Equal("false", (string?)toggle["value"]);
    }

    private static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        CardJson.Objects(card).Where(o => CardJson.TypeOf(o)?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static List<string> Titles(JsonObject choiceSet) => [.. choiceSet["choices"]!.AsArray().Select(c => (string)c!["title"]!)];
}
