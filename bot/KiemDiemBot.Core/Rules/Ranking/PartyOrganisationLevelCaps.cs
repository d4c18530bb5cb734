using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>
/// The hard caps on a party organisation's level (HD21): HTXSNV only when every constituent is HTNV
/// or better and at least 80% are HTTNV or better (checked in integers), and never when none of its
/// members (cell) or subordinate organisations (đảng bộ) was ranked; disciplined in the year means KHTNV.
/// </summary>
public static class PartyOrganisationLevelCaps
{
    public static CappedLevel Apply(RankingLevel proposed, PartyOrganisationCapFacts facts, LevelCapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var caps = new List<AppliedCap>();
        var total = facts.ConstituentLevels.Count;
        var completed = facts.ConstituentLevels.Count(level => level >= RankingLevel.Completion);
        var good = facts.ConstituentLevels.Count(level => level >= RankingLevel.GoodCompletion);
        var allCompleted = completed == total;
        var enoughGood = 100 * good >= settings.ExcellentOrganisationGoodPercent * total;
        if (total == 0)
        {
            var text = facts.Kind == PartyOrganisationKind.Cell
                ? RuleTexts.Reason_CapCellNothingRanked
                : RuleTexts.Reason_CapCommitteeNothingRanked;
            caps.Add(new AppliedCap(RankingLevel.GoodCompletion,
                RuleReason.Of(RuleReasonCode.CapOrganisationNothingRanked, text)));
        }
        else if (!allCompleted || !enoughGood)
        {
            var text = facts.Kind == PartyOrganisationKind.Cell
                ? RuleTexts.Reason_CapCellExcellence
                : RuleTexts.Reason_CapCommitteeExcellence;
            caps.Add(new AppliedCap(RankingLevel.GoodCompletion, RuleReason.Of(
                RuleReasonCode.CapOrganisationExcellence, text,
                completed, good, total, settings.ExcellentOrganisationGoodPercent)));
        }
        if (facts.DisciplineInYear is { AlreadyCountedInEarlierRanking: false })
        {
            caps.Add(new AppliedCap(RankingLevel.NonCompletion,
                RuleReason.Of(RuleReasonCode.CapOrganisationDisciplined, RuleTexts.Reason_CapOrganisationDisciplined)));
        }
        return CappedLevel.From(proposed, caps);
    }
}
