using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Tests.Ballots;

/// <summary>Every way a ballot action is refused, each with its own Vietnamese reason, and nothing counted by a refused cast.</summary>
public abstract class BallotRefusalTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private BallotHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await BallotHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private Dictionary<Guid, RankingLevel> All(IEnumerable<Guid> subjects, RankingLevel level) => subjects.ToDictionary(s => s, _ => level);

    private async Task<string> RefusedAsync<T>(Func<Task<T>> action) => (await Assert.ThrowsAsync<BallotRefusedException>(action)).Message;

    [Fact]
    public async Task OpenAsync_OrdinaryMember_Refused()
    {
        var message = await RefusedAsync(() => harness.OpenAsync([harness.A[2]], actor: harness.A[5]));

        Assert.Equal("Chỉ Bí thư hoặc Phó Bí thư của Chi bộ A mới được mở phiếu, đóng phiếu hoặc nhập phiếu giấy.", message);
    }

    [Fact]
    public async Task OpenAsync_SecretaryOfAnotherCell_Refused()
    {
        var message = await RefusedAsync(() => harness.OpenAsync([harness.A[2]], actor: harness.B[0]));

        Assert.Contains("Chi bộ A", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Deputy_Opens()
    {
        var opened = await harness.OpenAsync([harness.A[2]], actor: harness.Deputy);

        Assert.Equal(BallotState.Open, opened.Ballot.State);
    }

    [Fact]
    public async Task OpenAsync_NoSubjects_Refused()
    {
        var message = await RefusedAsync(() => harness.OpenAsync([]));

        Assert.Equal("Chưa chọn đối tượng nào để bỏ phiếu.", message);
    }

    [Fact]
    public async Task OpenAsync_SubjectFromAnotherCell_Refused()
    {
        var message = await RefusedAsync(() => harness.OpenAsync([harness.A[2], harness.B[2]]));

        Assert.Equal("Có đối tượng không thuộc Chi bộ A nên không thể đưa vào phiếu.", message);
    }

    [Fact]
    public async Task OpenAsync_AnotherBallotOpenInTheCell_Refused()
    {
        await harness.OpenAsync([harness.A[2]]);

        var message = await RefusedAsync(() => harness.OpenAsync([harness.A[3]]));

        Assert.StartsWith("Chi bộ A đang có một cuộc bỏ phiếu chưa đóng.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_SixOfTenPresentWithoutOverride_RefusedBelowQuorum()
    {
        var message = await RefusedAsync(() => harness.OpenAsync([harness.A[2]], present: harness.A.Take(6).ToList()));

        Assert.Contains("xác nhận", message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.QueryAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task OpenAsync_SixOfTenPresentWithOverride_OpensWithSixBallotsAndTheBaseStillTen()
    {
        var opened = await harness.OpenAsync([harness.A[2]], present: harness.A.Take(6).ToList(), quorumOverride: true);

        Assert.True(opened.Ballot.QuorumOverridden);
        Assert.Equal(10, opened.Ballot.Base);
        Assert.Equal(6, opened.Ballot.EligibleVoters);
        Assert.Equal(harness.A.Take(6).Order(), opened.VoterIds.Order());
    }

    [Fact]
    public async Task CastAsync_AfterClosing_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);
        await harness.CloseAsync(opened.Ballot.BallotId);

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.A[4], All([harness.A[2]], RankingLevel.GoodCompletion)));

        Assert.Equal("Cuộc bỏ phiếu đã kết thúc nên phiếu của đồng chí không được ghi nhận.", message);
    }

    [Fact]
    public async Task CastAsync_VoterFromAnotherCell_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.B[1], All([harness.A[2]], RankingLevel.GoodCompletion)));

        Assert.Equal("Đồng chí không có tên trong danh sách bỏ phiếu của cuộc họp này.", message);
    }

    [Fact]
    public async Task CastAsync_ProbationaryMember_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.Probationary, All([harness.A[2]], RankingLevel.GoodCompletion)));

        Assert.Equal("Đảng viên dự bị không biểu quyết xếp loại nên đồng chí không bỏ phiếu ở cuộc họp này.", message);
    }

    [Fact]
    public async Task CastAsync_ExemptMember_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.Exempt, All([harness.A[2]], RankingLevel.GoodCompletion)));

        Assert.Equal("Đồng chí đang được miễn công tác và sinh hoạt đảng nên không bỏ phiếu.", message);
    }

    [Fact]
    public async Task CastAsync_AbsentMember_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]], present: harness.A.Take(9).ToList());

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.A[9], All([harness.A[2]], RankingLevel.GoodCompletion)));

        Assert.StartsWith("Đồng chí chưa được ghi nhận có mặt", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CastAsync_SecondCast_RefusedAndCountedOnce()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);
        await harness.CastAsync(opened.Ballot.BallotId, harness.A[4], All([harness.A[2]], RankingLevel.GoodCompletion));

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.A[4], All([harness.A[2]], RankingLevel.ExcellentCompletion)));

        Assert.Equal("Đồng chí đã bỏ phiếu rồi. Mỗi đồng chí chỉ bỏ một phiếu và không sửa lại được.", message);
        Assert.Equal(1, await harness.QueryAsync(db => db.BallotCounters.Where(c => c.BallotId == opened.Ballot.BallotId).SumAsync(c => c.Votes)));
        Assert.True(await harness.BallotsAsync(s => s.HasCastAsync(opened.Ballot.BallotId, harness.A[4], CancellationToken.None)));
    }

    [Fact]
    public async Task MayCastAsync_VotersOfEachKind_OnlyAnOfficialPresentMemberWhoHasNotCastOnAnOpenBallot()
    {
        var opened = await harness.OpenAsync([harness.A[2]], present: harness.A.Take(9).Append(harness.Probationary).ToList());
        var ballotId = opened.Ballot.BallotId;
        await harness.CastAsync(ballotId, harness.A[4], All([harness.A[2]], RankingLevel.GoodCompletion));
        Task<bool> MayCast(Guid member) => harness.BallotsAsync(s => s.MayCastAsync(ballotId, member, CancellationToken.None));

        Assert.True(await MayCast(harness.A[5]));
        Assert.False(await MayCast(harness.A[4]));
        Assert.False(await MayCast(harness.A[9]));
        Assert.False(await MayCast(harness.Probationary));
        Assert.False(await MayCast(harness.Exempt));
        Assert.False(await MayCast(harness.B[1]));
        await harness.CloseAsync(ballotId);
        Assert.False(await MayCast(harness.A[5]));
    }

    [Fact]
    public async Task CastAsync_SubjectMissing_RefusedNamingIt()
    {
        var opened = await harness.OpenAsync([harness.A[2], harness.A[3]]);

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.A[4], All([harness.A[2]], RankingLevel.GoodCompletion)));

        Assert.Equal("Phiếu chưa chọn cho: Phạm Thị Dung. Xin chọn đủ rồi gửi lại.", message);
    }

    [Fact]
    public async Task CastAsync_UnknownSubject_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.A[4], All([harness.A[2], Guid.NewGuid()], RankingLevel.GoodCompletion)));

        Assert.Equal("Phiếu có đối tượng không có trong danh sách bỏ phiếu. Xin dùng phiếu mới nhất.", message);
    }

    [Fact]
    public async Task CastAsync_UnknownLevel_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.A[4], All([harness.A[2]], (RankingLevel)7)));

        Assert.Equal("Mức xếp loại chọn cho Lê Văn Cường không hợp lệ.", message);
    }

    [Fact]
    public async Task CastAsync_LevelAboveTheSubjectsCap_RefusedWithTheReason()
    {
        var opened = await harness.OpenAsync([harness.SickLeave]);

        var message = await RefusedAsync(() => harness.CastAsync(opened.Ballot.BallotId, harness.A[4], All([harness.SickLeave], RankingLevel.GoodCompletion)));

        Assert.StartsWith("Ngô Thị Lan chỉ được xếp loại cao nhất là Hoàn thành nhiệm vụ. Nghỉ ốm", message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.QueryAsync(db => db.Ballots.Select(b => b.Cast).SingleAsync()));
    }

    [Fact]
    public async Task CastApprovalAsync_OnARankingBallot_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        var message = await RefusedAsync(() => harness.CastApprovalAsync(opened.Ballot.BallotId, harness.A[4], new Dictionary<Guid, bool> { [harness.A[2]] = true }));

        Assert.StartsWith("Phiếu gửi lên không đúng loại", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseAsync_OrdinaryMember_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        var message = await RefusedAsync(() => harness.CloseAsync(opened.Ballot.BallotId, harness.A[5]));

        Assert.Contains("Chi bộ A", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseAsync_SecretaryOfAnotherCell_RefusedAndTheBallotStaysOpen()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);

        await RefusedAsync(() => harness.CloseAsync(opened.Ballot.BallotId, harness.B[0]));

        var view = await harness.BallotsAsync(s => s.FindOpenAsync(BallotHarness.Chat, CancellationToken.None));
        Assert.Equal(opened.Ballot.BallotId, view?.BallotId);
    }

    [Fact]
    public async Task CloseAsync_AlreadyClosed_Refused()
    {
        var opened = await harness.OpenAsync([harness.A[2]]);
        await harness.CloseAsync(opened.Ballot.BallotId);

        var message = await RefusedAsync(() => harness.CloseAsync(opened.Ballot.BallotId));

        Assert.Equal("Cuộc bỏ phiếu này đã đóng.", message);
    }
}

public sealed class SqliteBallotRefusalTests() : BallotRefusalTests(StorageProvider.Sqlite);

public sealed class PostgresBallotRefusalTests() : BallotRefusalTests(StorageProvider.PostgreSQL);
