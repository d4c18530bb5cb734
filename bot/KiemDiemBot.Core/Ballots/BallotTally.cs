using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Ballots;
using KiemDiemBot.Core.Rules.Excellence;

namespace KiemDiemBot.Core.Ballots;

/// <summary>
/// Counts a ballot's anonymous counters (chat and paper added up) by the rule set: a ranking ballot cumulatively
/// from the top against the base; an approval ballot by <see cref="ApprovalRound"/>. The same counters always give
/// the same result, so a closed ballot's result is recounted rather than stored twice.
/// </summary>
internal static class BallotTally
{
    public static IReadOnlyList<SubjectResult> Count(
        Ballot ballot, IReadOnlyList<BallotSubject> subjects, IReadOnlyList<BallotCounter> counters, IReadOnlyDictionary<Guid, string> names, IRuleSet ruleSet)
    {
        var votes = counters
            .GroupBy(c => (c.SubjectId, c.Choice))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Votes));
        int For(Guid subjectId, short choice) => votes.GetValueOrDefault((subjectId, choice));
        return ballot.Kind == BallotKind.Ranking
            ? CountRanking(ballot, subjects, names, ruleSet, For)
            : CountApproval(ballot, subjects, names, For);
    }

    /// <summary>
    /// The attendance the rule counts against: the base (official members summoned, not exempt) and those present
    /// who voted or could have (never fewer than the ballots counted, never more than the base).
    /// </summary>
    public static Attendance AttendanceOf(Ballot ballot) =>
        new(ballot.Base, Math.Min(ballot.Base, Math.Max(ballot.EligibleVoters, ballot.Cast + ballot.PaperBallots)));

    private static List<SubjectResult> CountRanking(
        Ballot ballot, IReadOnlyList<BallotSubject> subjects, IReadOnlyDictionary<Guid, string> names, IRuleSet ruleSet, Func<Guid, short, int> votesFor)
    {
        var attendance = AttendanceOf(ballot);
        return [.. subjects.Select(subject =>
        {
            var perLevel = RankingLevels.TopDown.ToDictionary(level => level, level => votesFor(subject.SubjectId, (short)level));
            var tally = new LevelVotes(
                perLevel[RankingLevel.ExcellentCompletion], perLevel[RankingLevel.GoodCompletion],
                perLevel[RankingLevel.Completion], perLevel[RankingLevel.NonCompletion]);
            var outcome = ruleSet.CountBallot(tally, attendance);
            return new SubjectResult(subject.SubjectId, names[subject.SubjectId], perLevel, 0, 0, outcome.Level, outcome.NeedsRevote, outcome.Reason.Text);
        })];
    }

    private static List<SubjectResult> CountApproval(
        Ballot ballot, IReadOnlyList<BallotSubject> subjects, IReadOnlyDictionary<Guid, string> names, Func<Guid, short, int> votesFor)
    {
        var tallies = subjects
            .Select(s => new ApprovalTally(s.SubjectId, votesFor(s.SubjectId, BallotCounter.Agree), votesFor(s.SubjectId, BallotCounter.Disagree)))
            .ToList();
        var resolution = ApprovalRound.Resolve(tallies, ballot.Seats, ballot.Base, ballot.Round);
        var decisions = resolution.Decisions.ToDictionary(d => d.SubjectId);
        return [.. tallies.Select(tally =>
        {
            var decision = decisions[tally.SubjectId];
            RankingLevel? level = decision.Outcome switch
            {
                ApprovalOutcome.KeptExcellent => RankingLevel.ExcellentCompletion,
                ApprovalOutcome.FallsToGood => RankingLevel.GoodCompletion,
                _ => null,
            };
            return new SubjectResult(tally.SubjectId, names[tally.SubjectId], new Dictionary<RankingLevel, int>(), tally.Agree, tally.Disagree,
                level, decision.Outcome == ApprovalOutcome.Revote, decision.Reason.Text);
        })];
    }
}
