using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Hd21;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class LevelSuggestionTests
{
    private static readonly IRuleSet Hd21 = Hd21RuleSet.Default;

    [Theory]
    // Political-task grades, then other grades: E = Xuất sắc, G = Tốt, A = Trung bình, P = Kém.
    [InlineData("EE", "GGE", RankingLevel.ExcellentCompletion)]
    [InlineData("EG", "EEE", RankingLevel.GoodCompletion)]
    [InlineData("GG", "GG", RankingLevel.GoodCompletion)]
    [InlineData("", "EEE", RankingLevel.GoodCompletion)]
    [InlineData("EE", "GA", RankingLevel.Completion)]
    [InlineData("AA", "AA", RankingLevel.Completion)]
    [InlineData("EE", "EP", RankingLevel.NonCompletion)]
    [InlineData("PA", "GG", RankingLevel.NonCompletion)]
    public void SuggestLevel_Grades_SuggestsTheHighestLevelTheGradesReach(string political, string other, RankingLevel expected)
    {
        var assessment = new SelfAssessment(
            [.. political.Select(g => new CriterionAssessment(CriterionKind.PoliticalTask, Grade(g))),
             .. other.Select(g => new CriterionAssessment(CriterionKind.Other, Grade(g)))]);

        var suggestion = Hd21.SuggestLevel(assessment);

        Assert.Equal(expected, suggestion.Level);
        Assert.Contains(expected.DisplayName(), suggestion.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SuggestLevel_TwoAverageCriteria_ReasonCountsThem()
    {
        var assessment = new SelfAssessment(
        [
            new CriterionAssessment(CriterionKind.PoliticalTask, CriterionGrade.Average),
            new CriterionAssessment(CriterionKind.Other, CriterionGrade.Average),
            new CriterionAssessment(CriterionKind.Other, CriterionGrade.Good),
        ]);

        var suggestion = Hd21.SuggestLevel(assessment);

        Assert.Equal(RuleReasonCode.SuggestCompletion, suggestion.Reason.Code);
        Assert.Contains("2 tiêu chí ở mức Trung bình", suggestion.Reason.Text, StringComparison.Ordinal);
    }

    private static CriterionGrade Grade(char code) => code switch
    {
        'E' => CriterionGrade.Excellent,
        'G' => CriterionGrade.Good,
        'A' => CriterionGrade.Average,
        _ => CriterionGrade.Poor,
    };
}
