namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>
/// Adds up cast ballots into one anonymous tally per subject. The result does not depend on the
/// order the ballots were cast in. Choices for subjects not on the ballot are ignored.
/// </summary>
public static class BallotTallier
{
    public static IReadOnlyDictionary<Guid, LevelVotes> Tally(IEnumerable<CastBallot> ballots, IEnumerable<Guid> subjects)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentNullException.ThrowIfNull(subjects);
        var tallies = subjects.Distinct().ToDictionary(subject => subject, _ => LevelVotes.None);
        foreach (var ballot in ballots)
        {
            foreach (var (subject, level) in ballot.Choices)
            {
                if (tallies.TryGetValue(subject, out var votes))
                {
                    tallies[subject] = votes.With(level);
                }
            }
        }
        return tallies;
    }
}
