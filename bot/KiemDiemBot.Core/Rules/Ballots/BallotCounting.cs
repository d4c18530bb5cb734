using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>
/// Counting a ranking ballot cumulatively from the top (cộng dồn từ mức cao xuống): the subject gets
/// the highest level whose votes at that level or above are more than half of the base. When no
/// level passes half (only possible with blank or spoiled ballots) there is no result: re-vote.
/// </summary>
public static class BallotCounting
{
    public static BallotOutcome Count(LevelVotes votes, Attendance attendance, BallotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(settings);
        if (attendance.OfficialMembersPresent > attendance.OfficialMembersSummoned)
        {
            throw new ArgumentException("More official members present than summoned.", nameof(attendance));
        }
        if (votes.Total > attendance.OfficialMembersPresent)
        {
            throw new ArgumentException("More votes than official members present.", nameof(votes));
        }
        var size = BaseSize(attendance, settings.Base);
        foreach (var level in RankingLevels.TopDown)
        {
            var atOrAbove = votes.AtOrAbove(level);
            if (IsMoreThanHalf(atOrAbove, size))
            {
                return new BallotOutcome(level, size, atOrAbove, RuleReason.Of(
                    RuleReasonCode.BallotAdopted, RuleTexts.Reason_BallotAdopted,
                    level.DisplayName(), atOrAbove, DescribeBase(size, settings.Base)));
            }
        }
        return new BallotOutcome(null, size, 0, RuleReason.Of(
            RuleReasonCode.BallotNoResult, RuleTexts.Reason_BallotNoResult,
            DescribeBase(size, settings.Base), size / 2 + 1));
    }

    /// <summary>The number "more than half" is counted against.</summary>
    public static int BaseSize(Attendance attendance, BallotBase ballotBase)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        return ballotBase == BallotBase.OfficialMembersPresent
            ? attendance.OfficialMembersPresent
            : attendance.OfficialMembersSummoned;
    }

    /// <summary>Strictly more than half, in integers.</summary>
    public static bool IsMoreThanHalf(int votes, int baseSize) => 2 * votes > baseSize;

    private static string DescribeBase(int size, BallotBase ballotBase) => string.Format(
        RuleReason.TextCulture,
        ballotBase == BallotBase.OfficialMembersPresent ? RuleTexts.BallotBase_OfficialMembersPresent : RuleTexts.BallotBase_OfficialMembersSummoned,
        size);
}
