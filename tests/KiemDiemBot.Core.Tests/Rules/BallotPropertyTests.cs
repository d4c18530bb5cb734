using CsCheck;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Ballots;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class BallotPropertyTests
{
    private const int Blank = 0;

    // A meeting: summoned, present, and each present voter's choice (0 = blank, 1..4 = a level).
    private static readonly Gen<(int Summoned, int Present, int[] Choices)> Meetings =
        from summoned in Gen.Int[0, 40]
        from present in Gen.Int[0, summoned]
        from choices in Gen.Int[0, 4].Array[present]
        select (summoned, present, choices);

    private static readonly Gen<BallotBase> Bases = Gen.Enum<BallotBase>();

    [Fact]
    public void Count_AnyBallot_AdoptedLevelHasMoreThanHalfOfTheBaseAtOrAboveIt()
    {
        Gen.Select(Meetings, Bases).Sample((meeting, ballotBase) =>
        {
            var votes = ToVotes(meeting.Choices);
            var settings = BallotSettings.Default with { Base = ballotBase };

            var outcome = BallotCounting.Count(votes, new Attendance(meeting.Summoned, meeting.Present), settings);

            if (outcome.Level is { } level)
            {
                Assert.True(2 * votes.AtOrAbove(level) > outcome.Base);
                Assert.All(RankingLevels.TopDown.Where(higher => higher > level),
                    higher => Assert.True(2 * votes.AtOrAbove(higher) <= outcome.Base));
            }
            else
            {
                Assert.All(RankingLevels.TopDown, any => Assert.True(2 * votes.AtOrAbove(any) <= outcome.Base));
            }
        });
    }

    [Fact]
    public void Count_RemovingOneVoter_NeverRaisesAnyLevelsCountOrTheAdoptedLevel()
    {
        var withVoterToRemove =
            from meeting in Meetings
            where meeting.Present > 0
            from removed in Gen.Int[0, meeting.Present - 1]
            select (meeting, removed);
        withVoterToRemove.Sample(sample =>
        {
            var (meeting, removed) = sample;
            var before = ToVotes(meeting.Choices);
            var after = ToVotes(meeting.Choices.Where((_, index) => index != removed).ToArray());
            var attendanceBefore = new Attendance(meeting.Summoned, meeting.Present);
            var attendanceAfter = new Attendance(meeting.Summoned, meeting.Present - 1);

            Assert.All(RankingLevels.TopDown, level => Assert.True(after.AtOrAbove(level) <= before.AtOrAbove(level)));
            var levelBefore = BallotCounting.Count(before, attendanceBefore, BallotSettings.Default).Level;
            var levelAfter = BallotCounting.Count(after, attendanceAfter, BallotSettings.Default).Level;
            Assert.True(((int?)levelAfter ?? 0) <= ((int?)levelBefore ?? 0));
        });
    }

    [Fact]
    public void Tally_ShuffledBallots_SameTalliesAndSameResults()
    {
        var subjects = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var ballot = Gen.Int[0, 4].Array[subjects.Length].Select(choices => new CastBallot(
            subjects.Zip(choices)
                .Where(pair => pair.Second != Blank)
                .ToDictionary(pair => pair.First, pair => (RankingLevel)pair.Second)));
        var ballotsAndShuffle =
            from ballots in ballot.Array[0, 30]
            from shuffled in Gen.Shuffle(ballots.ToArray())
            select (ballots, shuffled);
        ballotsAndShuffle.Sample((ballots, shuffled) =>
        {
            var inOrder = BallotTallier.Tally(ballots, subjects);
            var reordered = BallotTallier.Tally(shuffled, subjects);
            var attendance = new Attendance(30, ballots.Length);

            Assert.All(subjects, subject =>
            {
                Assert.Equal(inOrder[subject], reordered[subject]);
                Assert.Equal(
                    BallotCounting.Count(inOrder[subject], attendance, BallotSettings.Default),
                    BallotCounting.Count(reordered[subject], attendance, BallotSettings.Default));
            });
        });
    }

    private static LevelVotes ToVotes(int[] choices) =>
        choices.Where(choice => choice != Blank)
            .Aggregate(LevelVotes.None, (votes, choice) => votes.With((RankingLevel)choice));
}
