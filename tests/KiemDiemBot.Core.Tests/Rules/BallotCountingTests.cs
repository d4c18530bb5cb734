using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Ballots;
using KiemDiemBot.Core.Rules.Hd21;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class BallotCountingTests
{
    private static readonly IRuleSet Hd21 = Hd21RuleSet.Default;

    [Fact]
    public void CountBallot_ThreeFourThreeOfTen_AdoptsGoodCompletionWithSevenAtOrAbove()
    {
        var votes = new LevelVotes(3, 4, 3, 0);

        var outcome = Hd21.CountBallot(votes, new Attendance(10, 10));

        Assert.Equal(RankingLevel.GoodCompletion, outcome.Level);
        Assert.Equal(7, outcome.VotesAtOrAboveLevel);
        Assert.Contains("Hoàn thành tốt nhiệm vụ: 7 phiếu", outcome.Reason.Text, StringComparison.Ordinal);
        Assert.Contains("10 đảng viên chính thức được triệu tập", outcome.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CountBallot_ExactlyHalfAtTheTop_DoesNotAdoptTheTopLevel()
    {
        var votes = new LevelVotes(5, 5, 0, 0);

        var outcome = Hd21.CountBallot(votes, new Attendance(10, 10));

        Assert.Equal(RankingLevel.GoodCompletion, outcome.Level);
    }

    [Fact]
    public void CountBallot_BaseSummonedWithAbsentees_CountsAgainstEveryoneSummoned()
    {
        var votes = new LevelVotes(4, 1, 2, 0);

        var outcome = Hd21.CountBallot(votes, new Attendance(12, 8));

        Assert.Equal(RankingLevel.Completion, outcome.Level);
        Assert.Equal(12, outcome.Base);
    }

    [Fact]
    public void CountBallot_BasePresent_CountsAgainstMembersPresent()
    {
        var settings = Hd21RuleSet.DefaultSettings.Ballots with { Base = BallotBase.OfficialMembersPresent };
        var votes = new LevelVotes(4, 1, 2, 0);

        var outcome = BallotCounting.Count(votes, new Attendance(12, 8), settings);

        Assert.Equal(RankingLevel.GoodCompletion, outcome.Level);
        Assert.Equal(8, outcome.Base);
        Assert.Contains("8 đảng viên chính thức có mặt", outcome.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CountBallot_TooManyBlankBallots_NoResultAndRevote()
    {
        var votes = new LevelVotes(2, 1, 1, 0);

        var outcome = Hd21.CountBallot(votes, new Attendance(9, 8));

        Assert.Null(outcome.Level);
        Assert.True(outcome.NeedsRevote);
        Assert.Equal(RuleReasonCode.BallotNoResult, outcome.Reason.Code);
        Assert.Contains("cần ít nhất 5 phiếu", outcome.Reason.Text, StringComparison.Ordinal);
        Assert.Contains("bỏ phiếu lại", outcome.Reason.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, 6, true, 6)]
    [InlineData(9, 5, false, 6)]
    [InlineData(10, 7, true, 7)]
    [InlineData(10, 6, false, 7)]
    [InlineData(3, 2, true, 2)]
    public void CheckQuorum_TwoThirdsOfSummoned_MetOrWarning(int summoned, int present, bool met, int minimum)
    {
        var check = Hd21.CheckQuorum(new Attendance(summoned, present));

        Assert.Equal(met, check.Met);
        Assert.Equal(!met, check.RequiresSecretaryConfirmation);
        Assert.Equal(minimum, check.MinimumPresent);
        Assert.Equal(met, check.Warning is null);
    }

    [Fact]
    public void CheckQuorum_BelowQuorum_WarningTellsTheSecretaryToConfirm()
    {
        var check = Hd21.CheckQuorum(new Attendance(12, 7));

        Assert.Equal(RuleReasonCode.BelowQuorum, check.Warning!.Code);
        Assert.Contains("7/12", check.Warning.Text, StringComparison.Ordinal);
        Assert.Contains("cần ít nhất 8", check.Warning.Text, StringComparison.Ordinal);
        Assert.Contains("Bí thư cần xác nhận", check.Warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckQuorum_ConfiguredHalf_MetWithHalfPresent()
    {
        var settings = Hd21RuleSet.DefaultSettings.Ballots with { QuorumNumerator = 1, QuorumDenominator = 2 };

        var check = QuorumRule.Check(new Attendance(10, 5), settings);

        Assert.True(check.Met);
    }

    [Fact]
    public void Tally_Ballots_CountsEachSubjectsChoicesAndTreatsLeftOutSubjectsAsBlank()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var ballots = new[]
        {
            new CastBallot(new Dictionary<Guid, RankingLevel> { [a] = RankingLevel.ExcellentCompletion, [b] = RankingLevel.Completion }),
            new CastBallot(new Dictionary<Guid, RankingLevel> { [a] = RankingLevel.GoodCompletion }),
            new CastBallot(new Dictionary<Guid, RankingLevel> { [a] = RankingLevel.GoodCompletion, [b] = RankingLevel.NonCompletion }),
        };

        var tallies = BallotTallier.Tally(ballots, [a, b]);

        Assert.Equal(new LevelVotes(1, 2, 0, 0), tallies[a]);
        Assert.Equal(new LevelVotes(0, 0, 1, 1), tallies[b]);
    }
}
