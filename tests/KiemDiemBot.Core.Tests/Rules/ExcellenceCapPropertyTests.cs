using CsCheck;
using KiemDiemBot.Core.Rules.Excellence;
using KiemDiemBot.Core.Rules.Hd21;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class ExcellenceCapPropertyTests
{
    private static readonly ExcellenceCapSettings Hd21Cap = Hd21RuleSet.DefaultSettings.ExcellenceCap;

    private static readonly Gen<ExcellenceCapSettings> Settings =
        from exception in Gen.Bool
        select Hd21Cap with { ExceptionAllowed = exception };

    [Fact]
    public void Resolve_AnyApprovalBallot_NeverKeepsMoreThanTheCapAllows()
    {
        var scenarios =
            from settings in Settings
            from good in Gen.Int[0, 40]
            from agreeVotes in Gen.Int[0, 15].Array[0, 20]
            select (settings, good, agreeVotes);
        scenarios.Sample((settings, good, agreeVotes) =>
        {
            var candidates = agreeVotes.Select(agree => new ApprovalTally(Guid.NewGuid(), agree, 15 - agree)).ToList();
            var seats = ExcellenceCap.MaximumExcellent(good + candidates.Count, settings);

            var result = ExcellenceApproval.Resolve(candidates, seats);

            var excellentAtMost = result.Kept.Count + result.SeatsForRevote;
            Assert.True(excellentAtMost <= seats);
            Assert.True(ExcellenceCap.Holds(excellentAtMost, good + candidates.Count - excellentAtMost, settings));
            Assert.Equal(candidates.Count, result.Kept.Count + result.Tied.Count + result.FallToGood.Count);
        });
    }

    [Fact]
    public void Resolve_AnyApprovalBallot_EveryKeptCandidateHasMoreAgreeVotesThanEveryFallenOne()
    {
        var scenarios =
            from agreeVotes in Gen.Int[0, 15].Array[0, 20]
            from seats in Gen.Int[0, 10]
            select (agreeVotes, seats);
        scenarios.Sample((agreeVotes, seats) =>
        {
            var candidates = agreeVotes.Select(agree => new ApprovalTally(Guid.NewGuid(), agree, 15 - agree)).ToList();

            var result = ExcellenceApproval.Resolve(candidates, seats);

            var kept = result.Decisions.Where(d => d.Outcome == ApprovalOutcome.KeptExcellent).Select(d => d.Agree).ToList();
            var fallen = result.Decisions.Where(d => d.Outcome == ApprovalOutcome.FallsToGood).Select(d => d.Agree).ToList();
            if (kept.Count > 0 && fallen.Count > 0)
            {
                Assert.True(kept.Min() > fallen.Max());
            }
        });
    }

    [Fact]
    public void MaximumExcellent_AnyGroup_MatchesTheClosedForm()
    {
        Gen.Select(Gen.Int[0, 500], Gen.Bool).Sample((goodOrBetter, exception) =>
        {
            var settings = Hd21Cap with { ExceptionAllowed = exception };
            var divisor = exception ? 5 : 6;

            Assert.Equal(goodOrBetter / divisor, ExcellenceCap.MaximumExcellent(goodOrBetter, settings));
        });
    }
}
