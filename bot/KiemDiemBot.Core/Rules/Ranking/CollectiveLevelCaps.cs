using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>
/// The hard caps on a leadership collective's level (HD21): never above the organisation it leads;
/// KHTNV when the collective was disciplined in the year or one of its members received a warning
/// (cảnh cáo) or heavier.
/// </summary>
public static class CollectiveLevelCaps
{
    public static CappedLevel Apply(RankingLevel proposed, CollectiveCapFacts facts, LevelCapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var caps = new List<AppliedCap>();
        if (facts.OrganisationLevel is { } organisationLevel)
        {
            caps.Add(new AppliedCap(organisationLevel, RuleReason.Of(
                RuleReasonCode.CapCollectiveAboveOrganisation, RuleTexts.Reason_CapCollectiveAboveOrganisation, organisationLevel.DisplayName())));
        }
        if (facts.DisciplineInYear is { AlreadyCountedInEarlierRanking: false })
        {
            caps.Add(new AppliedCap(RankingLevel.NonCompletion,
                RuleReason.Of(RuleReasonCode.CapCollectiveDisciplined, RuleTexts.Reason_CapCollectiveDisciplined)));
        }
        if (facts.MemberDisciplinesInYear.Any(severity => severity >= settings.CollectiveMemberDisciplineThreshold))
        {
            caps.Add(new AppliedCap(RankingLevel.NonCompletion,
                RuleReason.Of(RuleReasonCode.CapCollectiveMemberDisciplined, RuleTexts.Reason_CapCollectiveMemberDisciplined,
                    settings.CollectiveMemberDisciplineThreshold.DisplayName())));
        }
        return CappedLevel.From(proposed, caps);
    }
}
