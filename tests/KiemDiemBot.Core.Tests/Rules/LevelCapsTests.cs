using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Hd21;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class LevelCapsTests
{
    private static readonly IRuleSet Hd21 = Hd21RuleSet.Default;
    private static readonly MemberCapFacts Clean = new(null, 0m, null);

    [Fact]
    public void CapMemberLevel_NoCapApplies_KeepsTheProposedLevel()
    {
        var result = Hd21.CapMemberLevel(RankingLevel.ExcellentCompletion, Clean);

        Assert.Equal(RankingLevel.ExcellentCompletion, result.Level);
        Assert.False(result.WasLowered);
        Assert.Empty(result.Caps);
    }

    [Fact]
    public void CapMemberLevel_DisciplinedInTheYear_NonCompletionWithReason()
    {
        var facts = Clean with { DisciplineInYear = new DisciplineFacts(DisciplineSeverity.Reprimand, false) };

        var result = Hd21.CapMemberLevel(RankingLevel.GoodCompletion, facts);

        Assert.Equal(RankingLevel.NonCompletion, result.Level);
        var cap = Assert.Single(result.Caps);
        Assert.Equal(RuleReasonCode.CapDisciplinedInYear, cap.Reason.Code);
        Assert.Contains("kỷ luật trong năm", cap.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CapMemberLevel_ViolationAlreadyCountedInAnEarlierRanking_NotCountedAgain()
    {
        var facts = Clean with { DisciplineInYear = new DisciplineFacts(DisciplineSeverity.Warning, true) };

        var result = Hd21.CapMemberLevel(RankingLevel.GoodCompletion, facts);

        Assert.Equal(RankingLevel.GoodCompletion, result.Level);
    }

    [Theory]
    [InlineData(2.9, RankingLevel.GoodCompletion)]
    [InlineData(3.0, RankingLevel.Completion)]
    [InlineData(5.0, RankingLevel.Completion)]
    public void CapMemberLevel_SickLeave_ThreeMonthsOrMoreCapsAtCompletion(double months, RankingLevel expected)
    {
        var facts = Clean with { SickLeaveMonths = (decimal)months };

        var result = Hd21.CapMemberLevel(RankingLevel.GoodCompletion, facts);

        Assert.Equal(expected, result.Level);
    }

    [Fact]
    public void CapMemberLevel_SickLeaveWithoutCapInRuleSet_NotCapped()
    {
        var settings = Hd21RuleSet.DefaultSettings.Caps with { SickLeaveMonthsForCap = null };

        var result = MemberLevelCaps.Apply(RankingLevel.GoodCompletion, Clean with { SickLeaveMonths = 6m }, settings);

        Assert.Equal(RankingLevel.GoodCompletion, result.Level);
    }

    [Fact]
    public void CapMemberLevel_StateRatingLower_PartyLevelCannotExceedIt()
    {
        var facts = Clean with { StateRating = RankingLevel.GoodCompletion };

        var result = Hd21.CapMemberLevel(RankingLevel.ExcellentCompletion, facts);

        Assert.Equal(RankingLevel.GoodCompletion, result.Level);
        Assert.Contains("Hoàn thành tốt nhiệm vụ", Assert.Single(result.Caps).Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CapMemberLevel_SeveralCaps_LowestCeilingWinsAndEveryBindingCapIsListed()
    {
        var facts = new MemberCapFacts(new DisciplineFacts(DisciplineSeverity.Reprimand, false), 4m, RankingLevel.GoodCompletion);

        var result = Hd21.CapMemberLevel(RankingLevel.ExcellentCompletion, facts);

        Assert.Equal(RankingLevel.NonCompletion, result.Level);
        Assert.Equal(3, result.Caps.Count);
    }

    [Theory]
    [InlineData(8, 2, 0, RankingLevel.ExcellentCompletion)]
    [InlineData(7, 3, 0, RankingLevel.GoodCompletion)]
    [InlineData(9, 0, 1, RankingLevel.GoodCompletion)]
    [InlineData(4, 1, 0, RankingLevel.ExcellentCompletion)]
    public void CapPartyOrganisationLevel_Cell_ExcellentOnlyWithAllCompletedAndEightyPercentGood(
        int good, int completed, int notCompleted, RankingLevel expected)
    {
        var levels = Enumerable.Repeat(RankingLevel.GoodCompletion, good)
            .Concat(Enumerable.Repeat(RankingLevel.Completion, completed))
            .Concat(Enumerable.Repeat(RankingLevel.NonCompletion, notCompleted))
            .ToList();
        var facts = new PartyOrganisationCapFacts(PartyOrganisationKind.Cell, levels, null);

        var result = Hd21.CapPartyOrganisationLevel(RankingLevel.ExcellentCompletion, facts);

        Assert.Equal(expected, result.Level);
    }

    [Fact]
    public void CapPartyOrganisationLevel_CellShortOfEightyPercent_ReasonGivesTheCounts()
    {
        var levels = new[] { RankingLevel.GoodCompletion, RankingLevel.GoodCompletion, RankingLevel.Completion };
        var facts = new PartyOrganisationCapFacts(PartyOrganisationKind.Cell, levels, null);

        var result = Hd21.CapPartyOrganisationLevel(RankingLevel.ExcellentCompletion, facts);

        var reason = Assert.Single(result.Caps).Reason;
        Assert.Contains("80%", reason.Text, StringComparison.Ordinal);
        Assert.Contains("2/3", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CapPartyOrganisationLevel_CellWithNoRankedMembers_AtMostGoodWithReason()
    {
        var facts = new PartyOrganisationCapFacts(PartyOrganisationKind.Cell, [], null);

        var result = Hd21.CapPartyOrganisationLevel(RankingLevel.ExcellentCompletion, facts);

        Assert.Equal(RankingLevel.GoodCompletion, result.Level);
        var reason = Assert.Single(result.Caps).Reason;
        Assert.Equal(RuleReasonCode.CapOrganisationNothingRanked, reason.Code);
        Assert.Equal(
            "Chi bộ không có đảng viên nào được xếp loại chất lượng nên không được xếp loại Hoàn thành xuất sắc nhiệm vụ.",
            reason.Text);
    }

    [Fact]
    public void CapPartyOrganisationLevel_CommitteeWithNoRankedOrganisations_AtMostGoodWithReason()
    {
        var facts = new PartyOrganisationCapFacts(PartyOrganisationKind.Committee, [], null);

        var result = Hd21.CapPartyOrganisationLevel(RankingLevel.ExcellentCompletion, facts);

        Assert.Equal(RankingLevel.GoodCompletion, result.Level);
        Assert.Contains("Đảng bộ không có tổ chức đảng trực thuộc nào được xếp loại",
            Assert.Single(result.Caps).Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CapPartyOrganisationLevel_NoRankedMembersProposedGood_KeepsGood()
    {
        var facts = new PartyOrganisationCapFacts(PartyOrganisationKind.Cell, [], null);

        var result = Hd21.CapPartyOrganisationLevel(RankingLevel.GoodCompletion, facts);

        Assert.Equal(RankingLevel.GoodCompletion, result.Level);
        Assert.Empty(result.Caps);
    }

    [Fact]
    public void CapPartyOrganisationLevel_OrganisationDisciplined_NonCompletion()
    {
        var facts = new PartyOrganisationCapFacts(
            PartyOrganisationKind.Committee, [RankingLevel.GoodCompletion], new DisciplineFacts(DisciplineSeverity.Reprimand, false));

        var result = Hd21.CapPartyOrganisationLevel(RankingLevel.GoodCompletion, facts);

        Assert.Equal(RankingLevel.NonCompletion, result.Level);
    }

    [Fact]
    public void CapCollectiveLevel_AboveItsOrganisation_LoweredToTheOrganisationsLevel()
    {
        var facts = new CollectiveCapFacts(RankingLevel.GoodCompletion, null, []);

        var result = Hd21.CapCollectiveLevel(RankingLevel.ExcellentCompletion, facts);

        Assert.Equal(RankingLevel.GoodCompletion, result.Level);
        Assert.Equal(RuleReasonCode.CapCollectiveAboveOrganisation, Assert.Single(result.Caps).Reason.Code);
    }

    [Theory]
    [InlineData(DisciplineSeverity.Reprimand, RankingLevel.GoodCompletion)]
    [InlineData(DisciplineSeverity.Warning, RankingLevel.NonCompletion)]
    [InlineData(DisciplineSeverity.Dismissal, RankingLevel.NonCompletion)]
    public void CapCollectiveLevel_MemberDisciplined_WarningOrHeavierMeansNonCompletion(DisciplineSeverity severity, RankingLevel expected)
    {
        var facts = new CollectiveCapFacts(null, null, [severity]);

        var result = Hd21.CapCollectiveLevel(RankingLevel.GoodCompletion, facts);

        Assert.Equal(expected, result.Level);
    }

    [Fact]
    public void CapCollectiveLevel_MemberWarned_ReasonNamesTheThreshold()
    {
        var facts = new CollectiveCapFacts(null, null, [DisciplineSeverity.Warning]);

        var result = Hd21.CapCollectiveLevel(RankingLevel.GoodCompletion, facts);

        Assert.Contains("cảnh cáo trở lên", Assert.Single(result.Caps).Reason.Text, StringComparison.Ordinal);
    }
}
