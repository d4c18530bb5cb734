using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using static KiemDiemBot.Core.Tests.Ballots.BallotHarness;

namespace KiemDiemBot.Core.Tests.Ballots;

/// <summary>
/// Opening, casting and counting a cell's ranking ballot against hand counts, on both providers: a cell of twelve
/// with ten official members present, one probationary and one exempt (base 10: a level needs 6 votes).
/// </summary>
public abstract class BallotCountingServiceTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private BallotHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task ProposeAsync_CellSecretary_ListsRankedMembersLeadersFirstWithCapsAndTheWholeCellSummoned()
    {
        var setup = await harness.BallotsAsync(s => s.ProposeAsync(harness.CycleId, harness.Secretary, null, CancellationToken.None));

        Assert.NotNull(setup);
        Assert.Equal(harness.CellA, setup.BodyId);
        Assert.Equal("Chi bộ A", setup.BodyName);
        // Everyone but the exempt member is ranked; the secretary, then the deputy, then the others by name.
        Assert.Equal(11, setup.MemberSubjects.Count);
        Assert.Equal([harness.Secretary, harness.Deputy], setup.MemberSubjects.Take(2).Select(s => s.SubjectId));
        Assert.DoesNotContain(setup.MemberSubjects, s => s.SubjectId == harness.Exempt);
        var sick = Assert.Single(setup.MemberSubjects, s => s.SubjectId == harness.SickLeave);
        Assert.Equal([RankingLevel.Completion, RankingLevel.NonCompletion], sick.AllowedLevels);
        Assert.Contains("Nghỉ ốm", Assert.Single(sick.CapReasons), StringComparison.Ordinal);
        Assert.Equal(RankingLevels.TopDown, setup.MemberSubjects[0].AllowedLevels);
        Assert.Equal(12, setup.Attendance.Count);
        Assert.Equal(10, setup.Attendance.Count(a => a.MayVote));
        Assert.False(Assert.Single(setup.Attendance, a => a.MemberId == harness.Probationary).IsOfficial);
        Assert.True(Assert.Single(setup.Attendance, a => a.MemberId == harness.Exempt).IsExempt);
    }

    [Fact]
    public async Task ProposeAsync_OrdinaryMember_ReturnsNull()
    {
        var setup = await harness.BallotsAsync(s => s.ProposeAsync(harness.CycleId, harness.A[5], harness.CellA, CancellationToken.None));

        Assert.Null(setup);
    }

    [Fact]
    public async Task OpenAsync_CellOfTwelve_BaseTenTenBallotsAndEveryCounterAtZero()
    {
        var opened = await harness.OpenAsync([harness.A[2], harness.A[3], harness.Probationary]);

        Assert.Equal(10, opened.Ballot.Base);
        Assert.Equal(10, opened.Ballot.EligibleVoters);
        Assert.Equal(harness.OfficialA.Order(), opened.VoterIds.Order());
        Assert.Equal(BallotState.Open, opened.Ballot.State);
        var (voters, counters) = await harness.QueryAsync(async db => (
            await db.BallotVoters.Where(v => v.BallotId == opened.Ballot.BallotId).CountAsync(),
            await db.BallotCounters.Where(c => c.BallotId == opened.Ballot.BallotId).ToListAsync()));
        Assert.Equal(12, voters);
        Assert.Equal(3 * 4 * 2, counters.Count);
        Assert.All(counters, c => Assert.Equal(0, c.Votes));
    }

    [Fact]
    public async Task CloseAsync_TenChatBallots_LevelsMatchTheHandCount()
    {
        Guid[] subjects = [harness.A[2], harness.A[3], harness.Probationary];
        var opened = await harness.OpenAsync(subjects);
        // A[2]: 6 HTXSNV, 3 HTTNV, 1 HTNV -> HTXSNV (6 > 5).
        // A[3]: 2, 3, 4, 1 -> cumulative 2, 5, 9 -> HTNV (HTTNV has only 5, not more than half of 10).
        // The probationary member: 1, 5, 4, 0 -> cumulative 1, 6 -> HTTNV.
        var ballots = BallotHarness.Ballots(subjects, Levels(6, 3, 1, 0), Levels(2, 3, 4, 1), Levels(1, 5, 4, 0));
        await harness.CastAllAsync(opened.Ballot.BallotId, harness.OfficialA, ballots);

        var result = await harness.CloseAsync(opened.Ballot.BallotId);

        Assert.Equal(BallotState.Closed, result.Ballot.State);
        Assert.Equal(10, result.Ballot.Cast);
        var (first, second, third) = (result.Subjects[0], result.Subjects[1], result.Subjects[2]);
        Assert.Equal(RankingLevel.ExcellentCompletion, first.Level);
        Assert.Equal(6, first.Votes[RankingLevel.ExcellentCompletion]);
        Assert.Equal(3, first.Votes[RankingLevel.GoodCompletion]);
        Assert.Equal(1, first.Votes[RankingLevel.Completion]);
        Assert.Equal(0, first.Votes[RankingLevel.NonCompletion]);
        Assert.Equal(RankingLevel.Completion, second.Level);
        Assert.Equal([2, 3, 4, 1], RankingLevels.TopDown.Select(l => second.Votes[l]));
        Assert.Equal(RankingLevel.GoodCompletion, third.Level);
        Assert.False(result.NeedsRevote);
        Assert.Contains("10 đảng viên chính thức", first.Outcome, StringComparison.Ordinal);
        Assert.Equal(result.Subjects.Select(s => s.Level), (await harness.BallotsAsync(s => s.GetResultAsync(opened.Ballot.BallotId, CancellationToken.None))).Subjects.Select(s => s.Level));
        var stored = await harness.QueryAsync(db => db.BallotSubjects.Where(s => s.BallotId == opened.Ballot.BallotId).OrderBy(s => s.Position).Select(s => s.Outcome).ToListAsync());
        Assert.Equal([RankingLevel.ExcellentCompletion, RankingLevel.Completion, RankingLevel.GoodCompletion], stored);
    }

    [Fact]
    public async Task GetResultAsync_BallotStillOpen_RefusesWithNoInterimResult()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);
        await harness.CastAsync(opened.Ballot.BallotId, harness.A[4], new Dictionary<Guid, RankingLevel> { [harness.A[2]] = RankingLevel.GoodCompletion });

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.BallotsAsync(s => s.GetResultAsync(opened.Ballot.BallotId, CancellationToken.None)));

        Assert.Contains("chưa đóng", refused.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteBallotCountingServiceTests() : BallotCountingServiceTests(StorageProvider.Sqlite);

public sealed class PostgresBallotCountingServiceTests() : BallotCountingServiceTests(StorageProvider.PostgreSQL);
