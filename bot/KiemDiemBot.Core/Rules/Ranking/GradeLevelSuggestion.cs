using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>
/// The level suggested from criterion grades (HD21): HTXSNV when every political-task criterion is
/// Xuất sắc and the rest Tốt or better; HTTNV when all are Tốt or better; HTNV when all are
/// Trung bình or better; otherwise KHTNV. HTXSNV needs at least one political-task criterion.
/// </summary>
public static class GradeLevelSuggestion
{
    public static LevelSuggestion Suggest(SelfAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var criteria = assessment.Criteria;
        if (criteria.Count == 0)
        {
            throw new ArgumentException("A self-review has at least one graded criterion.", nameof(assessment));
        }
        var poor = criteria.Count(c => c.Grade == CriterionGrade.Poor);
        if (poor > 0)
        {
            return new LevelSuggestion(RankingLevel.NonCompletion,
                RuleReason.Of(RuleReasonCode.SuggestNonCompletion, RuleTexts.Reason_SuggestNonCompletion, poor));
        }
        var average = criteria.Count(c => c.Grade == CriterionGrade.Average);
        if (average > 0)
        {
            return new LevelSuggestion(RankingLevel.Completion,
                RuleReason.Of(RuleReasonCode.SuggestCompletion, RuleTexts.Reason_SuggestCompletion, average));
        }
        var political = criteria.Where(c => c.Kind == CriterionKind.PoliticalTask).ToList();
        if (political.Count > 0 && political.TrueForAll(c => c.Grade == CriterionGrade.Excellent))
        {
            return new LevelSuggestion(RankingLevel.ExcellentCompletion,
                RuleReason.Of(RuleReasonCode.SuggestExcellentCompletion, RuleTexts.Reason_SuggestExcellentCompletion));
        }
        return new LevelSuggestion(RankingLevel.GoodCompletion,
            RuleReason.Of(RuleReasonCode.SuggestGoodCompletion, RuleTexts.Reason_SuggestGoodCompletion));
    }
}
