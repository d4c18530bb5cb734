using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>
/// The hard caps on a member's level (HD21, seed II.5): disciplined in the year means KHTNV (one
/// violation counted once); sick leave of three months or more means at most HTNV; a civil
/// servant's party level cannot exceed the state rating once it is entered.
/// </summary>
public static class MemberLevelCaps
{
    public static CappedLevel Apply(RankingLevel proposed, MemberCapFacts facts, LevelCapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var caps = new List<AppliedCap>();
        if (facts.DisciplineInYear is { AlreadyCountedInEarlierRanking: false })
        {
            caps.Add(new AppliedCap(RankingLevel.NonCompletion,
                RuleReason.Of(RuleReasonCode.CapDisciplinedInYear, RuleTexts.Reason_CapDisciplinedInYear)));
        }
        if (settings.SickLeaveMonthsForCap is { } months && facts.SickLeaveMonths >= months)
        {
            caps.Add(new AppliedCap(RankingLevel.Completion,
                RuleReason.Of(RuleReasonCode.CapSickLeave, RuleTexts.Reason_CapSickLeave, months)));
        }
        if (facts.StateRating is { } stateRating)
        {
            caps.Add(new AppliedCap(stateRating,
                RuleReason.Of(RuleReasonCode.CapStateRating, RuleTexts.Reason_CapStateRating, stateRating.DisplayName())));
        }
        return CappedLevel.From(proposed, caps);
    }
}
