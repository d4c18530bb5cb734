using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Members;

/// <summary>A stored member as the rules' input records see them.</summary>
internal static class MemberFactsMapping
{
    /// <summary>What the roster's yes/no "sick leave of 3 months or more" amounts to: at least three months.</summary>
    public const decimal LongSickLeaveMonths = 3m;

    public static MemberFacts ToMemberFacts(this Member member) => new(
        member.Id,
        member.Membership,
        member.ActivityStatus,
        member.AdmittedOn,
        member.SuspendedFromCommittee,
        ActsTemporarilyElsewhere: member.TemporaryCellId is not null,
        member.TemporaryCellCommentReceived,
        member.IsWorking,
        member.ResidenceExemption,
        member.ResidenceCommentReceived);

    /// <summary>
    /// The hard-cap facts for the cycle of <paramref name="year"/>: only a discipline decided in that year counts, and
    /// not when the roster marks it already counted in an earlier year's ranking (one violation is counted once).
    /// </summary>
    public static MemberCapFacts ToCapFacts(this Member member, int year)
    {
        var discipline = member.Discipline is { } severity && (member.DisciplinedOn is null || member.DisciplinedOn.Value.Year == year)
            ? new DisciplineFacts(severity, AlreadyCountedInEarlierRanking: member.DisciplineAlreadyCounted)
            : null;
        return new MemberCapFacts(
            discipline,
            member.LongSickLeave ? LongSickLeaveMonths : 0m,
            member.IsCivilServant ? member.StateRating : null);
    }
}
