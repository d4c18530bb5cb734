using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Tests.Ballots;

/// <summary>
/// The deciding committee's HTXSNV approval ballot (five committee members, base 5: a name needs 3 agree votes),
/// with one seat for three names: a tie at the cut, its re-vote, and a third tie that drops the tied.
/// </summary>
public abstract class ApprovalBallotTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private BallotHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await BallotHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private Guid X => harness.A[2];

    private Guid Y => harness.A[3];

    private Guid Z => harness.B[2];

    private Task<OpenedBallot> OpenApprovalAsync(Guid actor) =>
        harness.BallotsAsync(s => s.OpenApprovalAsync(harness.CycleId, harness.CommitteeId, [X, Y, Z], 1, BallotHarness.Chat, actor, CancellationToken.None));

    /// <summary>Each committee member's ballot: agree with a candidate when the member's index is among that candidate's agreeing voters.</summary>
    private async Task CastAsync(Guid ballotId, IReadOnlyList<Guid> candidates, params int[][] agreeingVoters)
    {
        for (var voter = 0; voter < harness.Committee.Count; voter++)
        {
            var index = voter;
            await harness.CastApprovalAsync(ballotId, harness.Committee[voter],
                candidates.Select((c, k) => (c, agreeingVoters[k].Contains(index))).ToDictionary(p => p.c, p => p.Item2));
        }
    }

    [Fact]
    public async Task OpenApprovalAsync_CommitteeSecretary_CommitteeMembersVoteOnTheNames()
    {
        var opened = await OpenApprovalAsync(harness.Committee[0]);

        Assert.Equal(BallotKind.ExcellenceApproval, opened.Ballot.Kind);
        Assert.Equal(1, opened.Ballot.Seats);
        Assert.Equal((5, 5), (opened.Ballot.Base, opened.Ballot.EligibleVoters));
        Assert.Equal(harness.Committee.Order(), opened.VoterIds.Order());
        Assert.Equal([X, Y, Z], opened.Ballot.Subjects.Select(s => s.SubjectId));
        Assert.All(opened.Ballot.Subjects, s => Assert.Empty(s.AllowedLevels));
    }

    [Fact]
    public async Task OpenApprovalAsync_CellSecretary_Refused()
    {
        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() => OpenApprovalAsync(harness.Secretary));

        Assert.Contains("Đảng bộ Thử nghiệm", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseAsync_TieAtTheCut_TiedGoToARevoteForTheSeatAndTheOneWithoutMajorityFalls()
    {
        var opened = await OpenApprovalAsync(harness.Committee[0]);
        // X: 4 agree, Y: 4 agree (tied at the cut for the one seat), Z: 2 agree (not more than half of 5).
        await CastAsync(opened.Ballot.BallotId, [X, Y, Z], [0, 1, 2, 3], [1, 2, 3, 4], [0, 4]);

        var result = await harness.CloseAsync(opened.Ballot.BallotId, harness.Committee[0]);

        var (x, y, z) = (result.Subjects[0], result.Subjects[1], result.Subjects[2]);
        Assert.Equal((4, 1), (x.Agree, x.Disagree));
        Assert.True(x.NeedsRevote);
        Assert.True(y.NeedsRevote);
        Assert.Null(x.Level);
        Assert.False(z.NeedsRevote);
        Assert.Equal(RankingLevel.GoodCompletion, z.Level);
        Assert.Equal("Có 2 phiếu đồng ý, không quá một nửa của 5: xếp loại Hoàn thành tốt nhiệm vụ.", z.Outcome);
        Assert.Contains(result.ToDo, line => line.StartsWith("Bỏ phiếu lại giữa những người bằng phiếu: Lê Văn Cường, Phạm Thị Dung (còn 1 suất)", StringComparison.Ordinal));
        var kept = await harness.QueryAsync(db => db.BallotSubjects.Where(s => s.BallotId == opened.Ballot.BallotId).OrderBy(s => s.Position).Select(s => s.Kept).ToListAsync());
        Assert.Equal([null, null, false], kept);
    }

    [Fact]
    public async Task CloseAsync_ChatAndPaperApprovals_AddUp()
    {
        var opened = await OpenApprovalAsync(harness.Committee[0]);
        var ballotId = opened.Ballot.BallotId;
        // Three committee members vote in the chat; two on paper.
        for (var voter = 0; voter < 3; voter++)
        {
            await harness.CastApprovalAsync(ballotId, harness.Committee[voter], new Dictionary<Guid, bool> { [X] = true, [Y] = voter == 0, [Z] = false });
        }
        var twice = await Assert.ThrowsAsync<BallotRefusedException>(() => harness.BallotsAsync(s => s.RecordPaperAsync(ballotId, harness.Committee[0], 1,
            [new PaperTally(X, new Dictionary<RankingLevel, int>(), 1, 0), new PaperTally(X, new Dictionary<RankingLevel, int>(), 1, 0)], CancellationToken.None)));
        await harness.BallotsAsync(s => s.RecordPaperAsync(ballotId, harness.Committee[0], 2,
        [
            new PaperTally(X, new Dictionary<RankingLevel, int>(), 1, 1),
            new PaperTally(Y, new Dictionary<RankingLevel, int>(), 2, 0),
        ], CancellationToken.None));

        var result = await harness.CloseAsync(ballotId, harness.Committee[0]);

        Assert.Equal("Mỗi đối tượng chỉ nhập số phiếu một lần trong một lần nhập phiếu giấy.", twice.Message);
        Assert.Equal((4, 1), (result.Subjects[0].Agree, result.Subjects[0].Disagree));
        Assert.Equal((3, 2), (result.Subjects[1].Agree, result.Subjects[1].Disagree));
        Assert.Equal((0, 3), (result.Subjects[2].Agree, result.Subjects[2].Disagree));
        Assert.Equal(RankingLevel.ExcellentCompletion, result.Subjects[0].Level);
        Assert.Equal(RankingLevel.GoodCompletion, result.Subjects[1].Level);
        Assert.Equal(2, result.Ballot.PaperBallots);
    }

    [Fact]
    public async Task OpenRevoteAsync_TieThenAMajority_TheTiedOnlyForTheSeatLeftAndTheMostApprovedKept()
    {
        var opened = await OpenApprovalAsync(harness.Committee[0]);
        await CastAsync(opened.Ballot.BallotId, [X, Y, Z], [0, 1, 2, 3], [1, 2, 3, 4], [0, 4]);
        await harness.CloseAsync(opened.Ballot.BallotId, harness.Committee[0]);

        var revote = await harness.BallotsAsync(s => s.OpenRevoteAsync(opened.Ballot.BallotId, harness.Committee[0], CancellationToken.None));
        await CastAsync(revote.Ballot.BallotId, [X, Y], [0, 1, 2, 3], [4]);
        var result = await harness.CloseAsync(revote.Ballot.BallotId, harness.Committee[0]);

        Assert.Equal((2, 1), (revote.Ballot.Round, revote.Ballot.Seats));
        Assert.Equal([X, Y], revote.Ballot.Subjects.Select(s => s.SubjectId));
        Assert.Equal(RankingLevel.ExcellentCompletion, result.Subjects[0].Level);
        Assert.Equal(RankingLevel.GoodCompletion, result.Subjects[1].Level);
        Assert.False(result.NeedsRevote);
    }

    [Fact]
    public async Task CloseAsync_ThirdRoundStillTied_TheTiedDropToGoodAndTheMinutesSaySo()
    {
        var ballotId = (await OpenApprovalAsync(harness.Committee[0])).Ballot.BallotId;
        await CastAsync(ballotId, [X, Y, Z], [0, 1, 2, 3], [1, 2, 3, 4], [0, 4]);
        await harness.CloseAsync(ballotId, harness.Committee[0]);
        for (var round = 2; round <= 3; round++)
        {
            ballotId = (await harness.BallotsAsync(s => s.OpenRevoteAsync(ballotId, harness.Committee[0], CancellationToken.None))).Ballot.BallotId;
            await CastAsync(ballotId, [X, Y], [0, 1, 2], [2, 3, 4]);
            var result = await harness.CloseAsync(ballotId, harness.Committee[0]);
            Assert.Equal(round == 2, result.NeedsRevote);
            if (round == 3)
            {
                Assert.All(result.Subjects, s => Assert.Equal(RankingLevel.GoodCompletion, s.Level));
                Assert.Equal("Vẫn bằng 3 phiếu đồng ý tại ngưỡng cắt sau lần bỏ phiếu thứ 3: không giữ mức Hoàn thành xuất sắc nhiệm vụ, xếp loại Hoàn thành tốt nhiệm vụ (ghi vào biên bản).",
                    result.Subjects[0].Outcome);
            }
        }

        var kept = await harness.QueryAsync(db => db.BallotSubjects.Where(s => s.BallotId == ballotId).Select(s => s.Kept).ToListAsync());
        Assert.Equal([false, false], kept);
    }
}

public sealed class SqliteApprovalBallotTests() : ApprovalBallotTests(StorageProvider.Sqlite);

public sealed class PostgresApprovalBallotTests() : ApprovalBallotTests(StorageProvider.PostgreSQL);
