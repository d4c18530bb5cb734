using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KiemDiemBot.Core.Tests.Ballots.BallotHarness;

namespace KiemDiemBot.Core.Tests.Ballots;

/// <summary>Duplicate submits, paper tallies beside chat ballots, a subject without a result and its re-vote, on both providers.</summary>
public abstract class BallotRoundTests(StorageProvider provider) : IAsyncLifetime
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
    public async Task CastAsync_SameSubmitCommittedTwiceAtOnce_CountedOnce()
    {
        var opened = await harness.OpenAsync([harness.A[2], harness.A[3]]);
        var ballotId = opened.Ballot.BallotId;
        var choices = new Dictionary<Guid, RankingLevel> { [harness.A[2]] = RankingLevel.ExcellentCompletion, [harness.A[3]] = RankingLevel.Completion };
        await using var first = storage.CreateScope();
        await using var second = storage.CreateScope();
        // Both turns pass the "already cast?" check before either commits, as two deliveries of one submit would.
        await first.ServiceProvider.GetRequiredService<IBallotService>().CastAsync(ballotId, harness.A[4], choices, CancellationToken.None);
        await second.ServiceProvider.GetRequiredService<IBallotService>().CastAsync(ballotId, harness.A[4], choices, CancellationToken.None);

        var commits = new[] { first, second }
            .Select(scope => Task.Run(() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None)))
            .ToList();
        var outcomes = await Task.WhenAll(commits.Select(async commit =>
        {
            try
            {
                await commit;
                return "committed";
            }
            catch (ConcurrentChangeException)
            {
                return "lost";
            }
        }));

        Assert.Equal(["committed", "lost"], outcomes.Order());
        var counters = await harness.QueryAsync(db => db.BallotCounters.Where(c => c.BallotId == ballotId && c.Votes > 0).ToListAsync());
        Assert.Equal(2, counters.Count);
        Assert.All(counters, c => Assert.Equal(1, c.Votes));
        Assert.Equal(1, await harness.QueryAsync(db => db.Ballots.Where(b => b.Id == ballotId).Select(b => b.Cast).SingleAsync()));
        // The retried turn now sees the cast and refuses politely.
        await Assert.ThrowsAsync<BallotRefusedException>(() => harness.CastAsync(ballotId, harness.A[4], choices));
    }

    [Fact]
    public async Task OpenAsync_TwoOpeningsCommittedAtOnce_OnlyOneBallotOpens()
    {
        var request = new OpenBallotRequest(harness.CycleId, harness.CellA, BallotSubjectKind.Member, [harness.A[2]], harness.A, false, Chat);
        await using var first = storage.CreateScope();
        await using var second = storage.CreateScope();
        await first.ServiceProvider.GetRequiredService<IBallotService>().OpenAsync(request, harness.Secretary, CancellationToken.None);
        await second.ServiceProvider.GetRequiredService<IBallotService>().OpenAsync(request, harness.Deputy, CancellationToken.None);

        var outcomes = await Task.WhenAll(new[] { first, second }.Select(async scope =>
        {
            try
            {
                await Task.Run(() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None));
                return "committed";
            }
            catch (ConcurrentChangeException)
            {
                return "lost";
            }
        }));

        Assert.Equal(["committed", "lost"], outcomes.Order());
        Assert.Equal(1, await harness.QueryAsync(db => db.Ballots.CountAsync(b => b.BodyId == harness.CellA && b.State == BallotState.Open)));
    }

    [Fact]
    public async Task CloseAsync_CastCommittedWhileCounting_ConcurrentChangeAndTheRetryCountsIt()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);
        var ballotId = opened.Ballot.BallotId;
        await using var closing = storage.CreateScope();
        await closing.ServiceProvider.GetRequiredService<IBallotService>().CloseAsync(ballotId, harness.Secretary, CancellationToken.None);
        await harness.CastAsync(ballotId, harness.A[4], new Dictionary<Guid, RankingLevel> { [harness.A[2]] = RankingLevel.GoodCompletion });

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => closing.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None));

        var result = await harness.CloseAsync(ballotId);
        Assert.Equal(1, result.Subjects[0].Votes[RankingLevel.GoodCompletion]);
    }

    [Fact]
    public async Task CloseAsync_ChatAndPaperBallots_AddUpAndABlankLeavesASubjectWithoutResult()
    {
        Guid[] subjects = [harness.A[2], harness.A[3]];
        var opened = await harness.OpenAsync(subjects);
        var ballotId = opened.Ballot.BallotId;
        // Five chat ballots: A[2] HTXSNV from all five; A[3] HTTNV from all five.
        await harness.CastAllAsync(ballotId, harness.OfficialA, BallotHarness.Ballots(subjects, Levels(5, 0, 0, 0), Levels(0, 5, 0, 0)));
        // Two paper ballots: A[2] HTXSNV on both, A[3] left blank on both.
        var paper = await harness.BallotsAsync(s => s.RecordPaperAsync(ballotId, harness.Secretary, 2,
        [
            new PaperTally(harness.A[2], new Dictionary<RankingLevel, int> { [RankingLevel.ExcellentCompletion] = 2 }, 0, 0),
            new PaperTally(harness.A[3], new Dictionary<RankingLevel, int>(), 0, 0),
        ], CancellationToken.None));
        Assert.Equal(2, paper.PaperBallots);

        var result = await harness.CloseAsync(ballotId);

        Assert.Equal(7, result.Subjects[0].Votes[RankingLevel.ExcellentCompletion]);
        Assert.Equal(RankingLevel.ExcellentCompletion, result.Subjects[0].Level);
        // A[3]: 5 votes at HTTNV or above, not more than half of 10: no result.
        Assert.Null(result.Subjects[1].Level);
        Assert.True(result.Subjects[1].NeedsRevote);
        Assert.StartsWith("Không có mức nào được quá một nửa của 10 đảng viên chính thức", result.Subjects[1].Outcome, StringComparison.Ordinal);
        Assert.Contains("Bỏ phiếu lại cho: Phạm Thị Dung.", result.ToDo);
        var paperVotes = await harness.QueryAsync(db => db.BallotCounters.Where(c => c.BallotId == ballotId && c.Source == BallotSource.Paper).SumAsync(c => c.Votes));
        Assert.Equal(2, paperVotes);
    }

    [Fact]
    public async Task OpenRevoteAsync_AfterANoResultSubject_RoundTwoOnThatSubjectOnlyWithTheSameRoll()
    {
        Guid[] subjects = [harness.A[2], harness.A[3]];
        var opened = await harness.OpenAsync(subjects, present: harness.A.Take(9).ToList());
        await harness.CastAllAsync(opened.Ballot.BallotId, harness.OfficialA, BallotHarness.Ballots(subjects, Levels(5, 0, 0, 0), Levels(0, 5, 0, 0)));
        // One paper ballot: A[2] HTTNV, A[3] left blank. A[2] reaches 6 at HTTNV or above; A[3] stays at 5 of 10.
        await harness.BallotsAsync(s => s.RecordPaperAsync(opened.Ballot.BallotId, harness.Secretary, 1,
        [
            new PaperTally(harness.A[2], new Dictionary<RankingLevel, int> { [RankingLevel.GoodCompletion] = 1 }, 0, 0),
        ], CancellationToken.None));
        var first = await harness.CloseAsync(opened.Ballot.BallotId);
        Assert.Equal(RankingLevel.GoodCompletion, first.Subjects[0].Level);
        Assert.True(first.Subjects[1].NeedsRevote);

        var revote = await harness.BallotsAsync(s => s.OpenRevoteAsync(opened.Ballot.BallotId, harness.Secretary, CancellationToken.None));

        Assert.Equal(2, revote.Ballot.Round);
        Assert.Equal(opened.Ballot.BallotId, revote.Ballot.PreviousBallotId);
        Assert.Equal([harness.A[3]], revote.Ballot.Subjects.Select(s => s.SubjectId));
        Assert.Equal(opened.VoterIds.Order(), revote.VoterIds.Order());
        Assert.Equal((10, 9, 0), (revote.Ballot.Base, revote.Ballot.EligibleVoters, revote.Ballot.Cast));
        // Those who voted in round one vote again.
        await harness.CastAllAsync(revote.Ballot.BallotId, harness.OfficialA, BallotHarness.Ballots([harness.A[3]], Levels(0, 6, 1, 0)));
        var second = await harness.CloseAsync(revote.Ballot.BallotId);
        Assert.Equal(RankingLevel.GoodCompletion, Assert.Single(second.Subjects).Level);
        var latest = await harness.BallotsAsync(s => s.FindLatestAsync(Chat, CancellationToken.None));
        Assert.Equal(revote.Ballot.BallotId, latest?.BallotId);
        var again = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.BallotsAsync(s => s.OpenRevoteAsync(opened.Ballot.BallotId, harness.Secretary, CancellationToken.None)));
        Assert.Equal("Vòng bỏ phiếu lại của phiếu này đã được mở.", again.Message);
    }

    [Fact]
    public async Task OpenRevoteAsync_NothingFlagged_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);
        await harness.CastAllAsync(opened.Ballot.BallotId, harness.OfficialA, BallotHarness.Ballots([harness.A[2]], Levels(0, 10, 0, 0)));
        await harness.CloseAsync(opened.Ballot.BallotId);

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.BallotsAsync(s => s.OpenRevoteAsync(opened.Ballot.BallotId, harness.Secretary, CancellationToken.None)));

        Assert.Equal("Không có đối tượng nào cần bỏ phiếu lại.", refused.Message);
    }

    [Fact]
    public async Task RecordPaperAsync_MoreVotesThanPaperBallots_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() => harness.BallotsAsync(s => s.RecordPaperAsync(opened.Ballot.BallotId, harness.Secretary, 1,
            [new PaperTally(harness.A[2], new Dictionary<RankingLevel, int> { [RankingLevel.GoodCompletion] = 2 }, 0, 0)], CancellationToken.None)));

        Assert.Equal("Số phiếu ghi cho Lê Văn Cường (2) nhiều hơn số phiếu giấy (1).", refused.Message);
    }

    [Fact]
    public async Task RecordPaperAsync_MoreBallotsThanVotersLeft_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);
        await harness.CastAllAsync(opened.Ballot.BallotId, harness.OfficialA, BallotHarness.Ballots([harness.A[2]], Levels(0, 9, 0, 0)));

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() => harness.BallotsAsync(s => s.RecordPaperAsync(opened.Ballot.BallotId, harness.Secretary, 2,
            [new PaperTally(harness.A[2], new Dictionary<RankingLevel, int> { [RankingLevel.GoodCompletion] = 2 }, 0, 0)], CancellationToken.None)));

        Assert.Equal("Tổng số phiếu (11) sẽ vượt số đảng viên được bỏ phiếu (10).", refused.Message);
    }

    [Fact]
    public async Task RecordPaperAsync_UnknownSubjectOrOrdinaryMemberOrClosed_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);
        PaperTally[] unknown = [new PaperTally(Guid.NewGuid(), new Dictionary<RankingLevel, int> { [RankingLevel.GoodCompletion] = 1 }, 0, 0)];
        PaperTally[] valid = [new PaperTally(harness.A[2], new Dictionary<RankingLevel, int> { [RankingLevel.GoodCompletion] = 1 }, 0, 0)];

        var unknownSubject = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.BallotsAsync(s => s.RecordPaperAsync(opened.Ballot.BallotId, harness.Secretary, 1, unknown, CancellationToken.None)));
        var member = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.BallotsAsync(s => s.RecordPaperAsync(opened.Ballot.BallotId, harness.A[5], 1, valid, CancellationToken.None)));
        await harness.CloseAsync(opened.Ballot.BallotId);
        var closed = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.BallotsAsync(s => s.RecordPaperAsync(opened.Ballot.BallotId, harness.Secretary, 1, valid, CancellationToken.None)));

        Assert.StartsWith("Phiếu có đối tượng không có", unknownSubject.Message, StringComparison.Ordinal);
        Assert.StartsWith("Chỉ Bí thư", member.Message, StringComparison.Ordinal);
        Assert.Equal("Cuộc bỏ phiếu này đã đóng.", closed.Message);
    }
}

public sealed class SqliteBallotRoundTests() : BallotRoundTests(StorageProvider.Sqlite);

public sealed class PostgresBallotRoundTests() : BallotRoundTests(StorageProvider.PostgreSQL);
