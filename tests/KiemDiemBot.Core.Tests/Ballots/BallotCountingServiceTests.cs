using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task ProposeAsync_CellItself_CappedBelowExcellentUntilItsMembersAreCountedThenOpenForTheCell()
    {
        var before = await harness.BallotsAsync(s => s.ProposeAsync(harness.CycleId, harness.Secretary, harness.CellA, CancellationToken.None));
        Guid[] members = [harness.A[2], harness.A[3]];
        var opened = await harness.OpenAsync(members);
        await harness.CastAllAsync(opened.Ballot.BallotId, harness.OfficialA, BallotHarness.Ballots(members, Levels(0, 10, 0, 0), Levels(7, 3, 0, 0)));
        await harness.CloseAsync(opened.Ballot.BallotId);

        var after = await harness.BallotsAsync(s => s.ProposeAsync(harness.CycleId, harness.Secretary, harness.CellA, CancellationToken.None));
        var cell = await harness.BallotsAsync(s => s.OpenAsync(
            new OpenBallotRequest(harness.CycleId, harness.CellA, BallotSubjectKind.Organisation, [harness.CellA], harness.A, false, Chat), harness.Secretary, CancellationToken.None));

        Assert.Equal(RankingLevel.GoodCompletion, before!.OrganisationSubject!.AllowedLevels[0]);
        Assert.Contains("không có đảng viên nào được xếp loại", Assert.Single(before.OrganisationSubject.CapReasons), StringComparison.Ordinal);
        Assert.Equal(RankingLevels.TopDown, after!.OrganisationSubject!.AllowedLevels);
        Assert.Equal("Chi bộ A", Assert.Single(cell.Ballot.Subjects).Name);
        Assert.Equal(RankingLevels.TopDown, cell.Ballot.Subjects[0].AllowedLevels);
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
    public async Task ProposeAsync_MeetingWithParticipants_SummonsThemInTheMeetingsOrder()
    {
        var summoned = new List<Guid> { harness.A[3], harness.A[0], harness.Probationary, harness.A[1], harness.A[2] };
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KiemDiemDbContext>();
            var meetingId = Guid.NewGuid();
            var now = storage.Clock.GetUtcNow();
            db.ReviewMeetings.Add(new ReviewMeeting { Id = meetingId, CycleId = harness.CycleId, OrganisationId = harness.CellA, StartsAt = now.AddDays(3), CreatedAt = now, UpdatedAt = now });
            db.ReviewMeetingParticipants.AddRange(summoned.Select((id, i) => new ReviewMeetingParticipant { MeetingId = meetingId, MemberId = id, Position = i }));
            await db.SaveChangesAsync();
            return meetingId;
        });

        var setup = await harness.BallotsAsync(s => s.ProposeAsync(harness.CycleId, harness.Secretary, harness.CellA, CancellationToken.None));

        Assert.NotNull(setup?.MeetingId);
        Assert.Equal(summoned, setup.Attendance.Select(a => a.MemberId));
        // Leaders first, then the meeting's order, then the members not summoned by name.
        Assert.Equal([harness.Secretary, harness.Deputy, harness.A[3], harness.Probationary, harness.A[2]], setup.MemberSubjects.Take(5).Select(s => s.SubjectId));
        var opened = await harness.OpenAsync([harness.A[2]], present: summoned);
        Assert.Equal((4, 4), (opened.Ballot.Base, opened.Ballot.EligibleVoters));
    }

    [Fact]
    public async Task CloseAsync_TwoExcellentBesideOneGood_WarnsOfTheCapWithoutBlocking()
    {
        Guid[] subjects = [harness.A[2], harness.A[3], harness.A[4]];
        var opened = await harness.OpenAsync(subjects);
        await harness.CastAllAsync(opened.Ballot.BallotId, harness.OfficialA,
            BallotHarness.Ballots(subjects, Levels(10, 0, 0, 0), Levels(10, 0, 0, 0), Levels(0, 10, 0, 0)));

        var result = await harness.CloseAsync(opened.Ballot.BallotId);

        Assert.NotNull(result.CapWarning);
        Assert.EndsWith("Đây chỉ là cảnh báo: cấp ủy cơ sở xét tỷ lệ trên toàn đảng bộ khi thông qua.", result.CapWarning, StringComparison.Ordinal);
        Assert.Contains("Trình cấp ủy có thẩm quyền thông qua kết quả.", result.ToDo);
        Assert.Equal(2, result.Subjects.Count(s => s.Level == RankingLevel.ExcellentCompletion));
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
