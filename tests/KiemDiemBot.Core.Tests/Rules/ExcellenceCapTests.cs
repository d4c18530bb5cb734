using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Excellence;
using KiemDiemBot.Core.Rules.Hd21;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class ExcellenceCapTests
{
    private static readonly ExcellenceCapSettings Hd21Cap = Hd21RuleSet.DefaultSettings.ExcellenceCap;

    [Theory]
    [InlineData(5, 0)]
    [InlineData(6, 1)]
    [InlineData(12, 2)]
    [InlineData(30, 5)]
    [InlineData(0, 0)]
    [InlineData(11, 1)]
    public void MaximumExcellent_GroupOfGoodOrBetter_AtTwentyPercent(int goodOrBetter, int expected)
    {
        Assert.Equal(expected, ExcellenceCap.MaximumExcellent(goodOrBetter, Hd21Cap));
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(12, 2)]
    [InlineData(30, 6)]
    public void MaximumExcellent_WithTheTwentyFivePercentException_AllowsOneInFive(int goodOrBetter, int expected)
    {
        var settings = Hd21Cap with { ExceptionAllowed = true };

        Assert.Equal(expected, ExcellenceCap.MaximumExcellent(goodOrBetter, settings));
    }

    [Theory]
    [InlineData(1, 5, true)]
    [InlineData(1, 4, false)]
    [InlineData(2, 10, true)]
    [InlineData(2, 9, false)]
    public void Holds_FiveTimesExcellentAtMostGood(int excellent, int good, bool holds)
    {
        Assert.Equal(holds, ExcellenceCap.Holds(excellent, good, Hd21Cap));
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(14, 2)]
    public void AllowedBeside_PercentageNotWhole_NeverRoundsUp(int good, int expected)
    {
        Assert.Equal(expected, ExcellenceCap.AllowedBeside(good, Hd21Cap));
    }

    [Fact]
    public void CheckExcellenceCap_TwoExcellentBesideEightGood_DoesNotHoldAtTwentyPercent()
    {
        var check = Hd21RuleSet.Default.CheckExcellenceCap(Group(excellent: 2, good: 8, completed: 0));

        Assert.False(check.Holds);
        Assert.Equal(1, check.MaximumExcellent);
        Assert.Equal(1, check.Excess);
    }

    [Fact]
    public void CheckExcellenceCap_WithinTheCap_HoldsAndListsNobody()
    {
        var group = Group(excellent: 1, good: 5, completed: 3);

        var check = Hd21RuleSet.Default.CheckExcellenceCap(group);

        Assert.True(check.Holds);
        Assert.Empty(check.Candidates);
        Assert.Equal(0, check.Excess);
    }

    [Fact]
    public void CheckExcellenceCap_OverTheCap_ListsEveryExcellentCandidateAndTheExcess()
    {
        var group = Group(excellent: 4, good: 8, completed: 2);

        var check = Hd21RuleSet.Default.CheckExcellenceCap(group);

        Assert.False(check.Holds);
        Assert.Equal(2, check.MaximumExcellent);
        Assert.Equal(2, check.Excess);
        Assert.Equal(
            group.Where(s => s.Level == RankingLevel.ExcellentCompletion).Select(s => s.SubjectId),
            check.Candidates);
        Assert.Equal(RuleReasonCode.ExcellenceCapExceeded, check.Reason!.Code);
        Assert.Contains("tối đa 2", check.Reason.Text, StringComparison.Ordinal);
        Assert.Contains("20%", check.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ClearCut_KeepsTheMostApprovedAndTheRestFallToGood()
    {
        var a = new ApprovalTally(Guid.NewGuid(), 9, 3);
        var b = new ApprovalTally(Guid.NewGuid(), 11, 1);
        var c = new ApprovalTally(Guid.NewGuid(), 4, 8);
        var d = new ApprovalTally(Guid.NewGuid(), 7, 5);

        var result = ExcellenceApproval.Resolve([a, b, c, d], seats: 2);

        Assert.Equal([b.SubjectId, a.SubjectId], result.Kept);
        Assert.Equal([d.SubjectId, c.SubjectId], result.FallToGood);
        Assert.False(result.NeedsRevote);
        Assert.Contains("Hoàn thành tốt nhiệm vụ", result.Decisions[^1].Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TieAtTheCut_TiedCandidatesGoToARevoteForTheSeatsLeft()
    {
        var top = new ApprovalTally(Guid.NewGuid(), 10, 2);
        var tiedA = new ApprovalTally(Guid.NewGuid(), 8, 4);
        var tiedB = new ApprovalTally(Guid.NewGuid(), 8, 4);
        var tiedC = new ApprovalTally(Guid.NewGuid(), 8, 4);
        var last = new ApprovalTally(Guid.NewGuid(), 3, 9);

        var result = ExcellenceApproval.Resolve([tiedA, last, top, tiedB, tiedC], seats: 2);

        Assert.Equal([top.SubjectId], result.Kept);
        Assert.Equal([tiedA.SubjectId, tiedB.SubjectId, tiedC.SubjectId], result.Tied);
        Assert.Equal(1, result.SeatsForRevote);
        Assert.Equal([last.SubjectId], result.FallToGood);
        var tiedReason = result.Decisions.First(d => d.Outcome == ApprovalOutcome.Revote).Reason;
        Assert.Contains("bỏ phiếu lại giữa 3 trường hợp", tiedReason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RevoteAmongTheTied_SettlesTheSeatsLeft()
    {
        var tiedA = new ApprovalTally(Guid.NewGuid(), 5, 7);
        var tiedB = new ApprovalTally(Guid.NewGuid(), 9, 3);

        var result = ExcellenceApproval.Resolve([tiedA, tiedB], seats: 1);

        Assert.Equal([tiedB.SubjectId], result.Kept);
        Assert.Equal([tiedA.SubjectId], result.FallToGood);
    }

    [Fact]
    public void Resolve_NoSeats_EveryoneFallsToGood()
    {
        var a = new ApprovalTally(Guid.NewGuid(), 12, 0);

        var result = ExcellenceApproval.Resolve([a], seats: 0);

        Assert.Empty(result.Kept);
        Assert.Equal([a.SubjectId], result.FallToGood);
    }

    private static List<CapGroupSubject> Group(int excellent, int good, int completed) =>
    [
        .. Enumerable.Range(0, excellent).Select(_ => new CapGroupSubject(Guid.NewGuid(), RankingLevel.ExcellentCompletion)),
        .. Enumerable.Range(0, good).Select(_ => new CapGroupSubject(Guid.NewGuid(), RankingLevel.GoodCompletion)),
        .. Enumerable.Range(0, completed).Select(_ => new CapGroupSubject(Guid.NewGuid(), RankingLevel.Completion)),
    ];
}
