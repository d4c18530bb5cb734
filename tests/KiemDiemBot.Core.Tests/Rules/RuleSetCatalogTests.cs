using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Excellence;
using KiemDiemBot.Core.Rules.Hd21;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class RuleSetCatalogTests
{
    [Fact]
    public void TryGet_Hd21Code_ReturnsTheRuleSetWithItsVietnameseName()
    {
        Assert.True(RuleSetCatalog.TryGet(RuleSetCodes.Hd21Of2022, out var ruleSet));
        Assert.Equal("HD21-2022", ruleSet.Settings.Code);
        Assert.Contains("21-HD/BTCTW", ruleSet.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_UnknownCode_Fails()
    {
        Assert.False(RuleSetCatalog.TryGet("QD999-2099", out _));
    }

    [Fact]
    public void TryCreate_CommitteeOverride_AppliesTheOverride()
    {
        var settings = Hd21RuleSet.DefaultSettings with
        {
            ExcellenceCap = Hd21RuleSet.DefaultSettings.ExcellenceCap with { ExceptionAllowed = true },
        };

        Assert.True(RuleSetCatalog.TryCreate(settings, out var ruleSet));
        var group = Enumerable.Range(0, 5)
            .Select(i => new CapGroupSubject(Guid.NewGuid(), i == 0 ? RankingLevel.ExcellentCompletion : RankingLevel.GoodCompletion))
            .ToList();
        Assert.True(ruleSet.CheckExcellenceCap(group).Holds);
        Assert.False(Hd21RuleSet.Default.CheckExcellenceCap(group).Holds);
    }

    [Theory]
    [InlineData(RankingLevel.ExcellentCompletion, "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV")]
    [InlineData(RankingLevel.GoodCompletion, "Hoàn thành tốt nhiệm vụ", "HTTNV")]
    [InlineData(RankingLevel.Completion, "Hoàn thành nhiệm vụ", "HTNV")]
    [InlineData(RankingLevel.NonCompletion, "Không hoàn thành nhiệm vụ", "KHTNV")]
    public void DisplayName_EachLevel_VietnameseNameAndAbbreviation(RankingLevel level, string name, string abbreviation)
    {
        Assert.Equal(name, level.DisplayName());
        Assert.Equal(abbreviation, level.Abbreviation());
    }

    [Theory]
    [InlineData(CriterionGrade.Excellent, "Xuất sắc")]
    [InlineData(CriterionGrade.Good, "Tốt")]
    [InlineData(CriterionGrade.Average, "Trung bình")]
    [InlineData(CriterionGrade.Poor, "Kém")]
    public void DisplayName_EachGrade_VietnameseName(CriterionGrade grade, string name)
    {
        Assert.Equal(name, grade.DisplayName());
    }

    [Fact]
    public void TopDown_Levels_BestFirstAndComparable()
    {
        Assert.Equal(
            [RankingLevel.ExcellentCompletion, RankingLevel.GoodCompletion, RankingLevel.Completion, RankingLevel.NonCompletion],
            RankingLevels.TopDown);
        Assert.True(RankingLevel.ExcellentCompletion.IsAtLeast(RankingLevel.GoodCompletion));
        Assert.Equal(RankingLevel.Completion, RankingLevel.GoodCompletion.AtMost(RankingLevel.Completion));
    }
}
